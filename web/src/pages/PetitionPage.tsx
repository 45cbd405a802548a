import { Link, useParams } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { getPetition, PetitionView } from '../modules/feedback/staff.ts';
import { LoadError, Loading } from '../ui/Notice.tsx';

/** /ho-so/kien-nghi/:id — staff: one petition, the dossier it concerns, and its actions. */
export function PetitionPage() {
  const t = useT();
  const { id = '' } = useParams();
  const state = useAsync((signal) => getPetition(id, signal), [id]);
  const p = state.data;
  useDocumentTitle(p ? t('feedback.view.title', { number: p.number }) : t('feedback.page.title'));
  return (
    <div className="page">
      <p>
        <Link to={`${PATHS.dossiers}/kien-nghi`}>{t('feedback.view.back')}</Link>
      </p>
      {p ? (
        <>
          <h1 className="page__title">{t('feedback.view.title', { number: p.number })}</h1>
          <PetitionView petition={p} dossierHref={PATHS.dossier} onChange={state.setData} />
        </>
      ) : state.error ? (
        <LoadError error={state.error} onRetry={state.reload} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
