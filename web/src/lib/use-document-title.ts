import { useEffect } from 'react';
import { useT } from '../i18n/i18n-context.tsx';

/** Sets `<title>` to "<page> – Chính quyền số" so each page is announced by name. */
export function useDocumentTitle(pageTitle: string): void {
  const t = useT();
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${t('app.name')}` : t('app.name');
  }, [pageTitle, t]);
}
