// Copying text for the user. navigator.clipboard exists only in secure contexts (https,
// localhost); on the default deployment (plain http on a LAN address) it is undefined, so the
// copy falls back to selecting the text in a hidden textarea and document.execCommand('copy'),
// which browsers still honour inside a click. When both fail the caller says "copy by hand".

/** A clipboard that can write text (navigator.clipboard, or a stand-in in tests). */
export interface TextClipboard {
  writeText(text: string): Promise<void>;
}

/** Copies `text`; false when neither the clipboard API nor the selection fallback worked. */
export async function copyText(
  text: string,
  clipboard: TextClipboard | null | undefined = globalThis.navigator?.clipboard,
): Promise<boolean> {
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, document not focused): try the selection below.
    }
  }
  return copyBySelection(text);
}

/** The pre-clipboard-API way: select the text in an off-screen textarea and run "copy". */
function copyBySelection(text: string): boolean {
  if (typeof document === 'undefined' || typeof document.execCommand !== 'function') return false;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '-9999px';
  document.body.append(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    focused?.focus();
  }
}
