// A modal dialog on the native <dialog> element: focus is trapped and Escape closes it;
// focus returns to the control that opened it.
import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n-context.tsx';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Used for the title id. */
  id: string;
}

/** Renders `children` in a modal while `open`. */
export function Dialog({ open, title, onClose, children, id }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (open || !dialog) return;
    if (opener.current instanceof HTMLElement) opener.current.focus();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <div className="dialog__header">
            <h2 id={`${id}-title`} className="dialog__title">
              {title}
            </h2>
            <button type="button" className="button button--link" onClick={onClose}>
              {t('action.closeDialog')}
            </button>
          </div>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
