import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { PublicTracking } from '../modules/dossiers/components/PublicTracking.tsx';

/** /tra-cuu — public: no sign-in; the link printed as a QR code on form 01. */
export function TrackDossierPage() {
  const t = useT();
  const [params] = useSearchParams();
  useDocumentTitle(t('track.title'));
  return (
    <div className="page page--narrow">
      <h1 className="page__title">{t('track.title')}</h1>
      <p className="lead">{t('track.intro')}</p>
      <PublicTracking initialCode={params.get('ma') ?? ''} />
    </div>
  );
}
