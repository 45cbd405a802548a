import { RequireCapability } from '../app/RequireCapability.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { Open311Clients } from '../modules/open311/index.ts';

/** /quan-tri/open311 — API keys of the apps that file reports through Open311 (admin only). */
export function Open311ClientsPage() {
  const t = useT();
  useDocumentTitle(t('open311.title'));
  return (
    <div className="page">
      <h1 className="page__title">{t('open311.title')}</h1>
      <RequireCapability capabilities={['open311.clients']}>
        <Open311Clients />
      </RequireCapability>
    </div>
  );
}
