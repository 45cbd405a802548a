import { Link, useNavigate, useParams } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { RequireCapability } from '../app/RequireCapability.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  ProcedureArchiveButton,
  ProcedureEditor,
  useProcedure,
} from '../modules/procedures/index.ts';
import { LoadError, Loading } from '../ui/Notice.tsx';

function Existing({ id }: { id: string }) {
  const t = useT();
  const navigate = useNavigate();
  const loaded = useProcedure(id);
  const p = loaded.data;
  useDocumentTitle(
    p ? t('procedure.editTitle', { code: p.code }) : t('procedure.editTitleLoading'),
  );
  const back = (flash: string) => navigate(PATHS.procedures, { state: { flash } });

  return (
    <>
      <h1 className="page__title">
        {p ? t('procedure.editTitle', { code: p.code }) : t('procedure.editTitleLoading')}
      </h1>
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {loaded.loading ? <Loading /> : null}
      {p && !loaded.loading ? (
        <>
          <p className="muted">
            {t('procedure.updatedAt', { at: formatDateTime(p.updatedAt) })}
            {p.status === 'archived' ? ` · ${t('procedures.archived')}` : ''}
          </p>
          <ProcedureEditor
            key={p.id + p.updatedAt}
            procedure={p}
            listHref={PATHS.procedures}
            onSaved={() => back(t('procedure.savedFlash'))}
          />
          <ProcedureArchiveButton
            procedure={p}
            onArchived={() => back(t('procedure.archivedFlash'))}
          />
        </>
      ) : null}
    </>
  );
}

function New() {
  const t = useT();
  const navigate = useNavigate();
  useDocumentTitle(t('procedure.newTitle'));
  return (
    <>
      <h1 className="page__title">{t('procedure.newTitle')}</h1>
      <ProcedureEditor
        listHref={PATHS.procedures}
        onSaved={() =>
          navigate(PATHS.procedures, {
            state: { flash: t('procedure.createdFlash') },
          })
        }
      />
    </>
  );
}

/** /quan-tri/thu-tuc/moi and /quan-tri/thu-tuc/:id — the procedure editor (system administrators). */
export function ProcedureEditPage() {
  const t = useT();
  const { id } = useParams();
  return (
    <div className="page">
      <p className="back-link">
        <Link to={PATHS.procedures}>{t('procedure.backToList')}</Link>
      </p>
      <RequireCapability capabilities={['procedures.manage']}>
        {id ? <Existing id={id} /> : <New />}
      </RequireCapability>
    </div>
  );
}
