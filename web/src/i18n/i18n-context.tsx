// Language choice (Tiếng Việt first, English second) and the `t()` lookup.
//
// Vietnamese is bundled; the English catalogue is its own chunk, fetched only when English is
// chosen (issue 4's 200 KB budget for the public catalogue, docs/benchmarks.md). A reader who
// chose English before gets it on the first render: main.tsx awaits `loadInitialLanguage()`
// before rendering. Switching shows the new language as soon as its chunk has arrived.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type MessageKey, type Messages, vi } from './vi.ts';

export type Lang = 'vi' | 'en';
export type TParams = Record<string, string | number>;
export type TFunction = (key: MessageKey, params?: TParams) => string;

const STORAGE_KEY = 'cqs.lang';

/** Catalogues fetched so far; Vietnamese is always there. */
const loaded: Partial<Record<Lang, Messages>> = { vi };

/** The catalogue of `lang`, fetching its chunk the first time. */
export async function loadCatalogue(lang: Lang): Promise<Messages> {
  const ready = loaded[lang];
  if (ready) return ready;
  const { en } = await import('./en.ts');
  loaded.en = en;
  return en;
}

/**
 * Fetches the stored language's catalogue, so the first render is already in that language.
 * Never rejects: if the chunk cannot be fetched the page starts in Vietnamese.
 */
export async function loadInitialLanguage(): Promise<void> {
  const lang = storedLang();
  if (lang === 'vi') return;
  try {
    await loadCatalogue(lang);
  } catch {
    // Offline or a stale deployment: Vietnamese until the reader switches again.
  }
}

interface I18nValue {
  /** The language on screen (the chosen one once its catalogue has arrived). */
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** The stored language if its catalogue is loaded, otherwise Vietnamese. */
function initialLang(): Lang {
  const lang = storedLang();
  return loaded[lang] ? lang : 'vi';
}

/** Replaces `{name}` placeholders with params. */
export function interpolate(text: string, params?: TParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Provides the language, persisted in localStorage and mirrored on `<html lang>`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  // The latest choice: a slow English chunk must not override a later switch back.
  const wanted = useRef<Lang>(storedLang());

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const show = useCallback((next: Lang) => {
    wanted.current = next;
    if (loaded[next]) {
      setLangState(next);
      return;
    }
    loadCatalogue(next).then(
      () => {
        if (wanted.current === next) setLangState(next);
      },
      () => {
        // Not fetched (offline): the language on screen stays; pressing the button retries.
      },
    );
  }, []);

  // Stored English whose chunk was not ready at start (main.tsx normally waits for it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount.
  useEffect(() => {
    if (wanted.current !== lang) show(wanted.current);
  }, []);

  const setLang = useCallback(
    (next: Lang) => {
      show(next);
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    },
    [show],
  );

  const value = useMemo<I18nValue>(() => {
    const messages = loaded[lang] ?? vi;
    return { lang, setLang, t: (key, params) => interpolate(messages[key], params) };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The language state and `t`. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The message lookup of the current language. */
export function useT(): TFunction {
  return useI18n().t;
}
