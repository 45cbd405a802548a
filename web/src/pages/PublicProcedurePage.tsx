import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  cataloguePath,
  getPublicProcedure,
} from '../modules/procedures/catalogue/catalogue.api.ts';
import {
  ProcedureDetails,
  SubmitOnline,
} from '../modules/procedures/catalogue/ProcedureDetails.tsx';
import '../modules/procedures/catalogue/catalogue.css';
import { LoadError, Loading } from '../ui/Notice.tsx';

/** /dich-vu-cong/thu-tuc/:code — public: what the law requires published about a procedure. */
export function PublicProcedurePage() {
  const t = useT();
  const { code = '' } = useParams();
  const p = useAsync((signal) => getPublicProcedure(code, signal), [code]);
  useDocumentTitle(p.data?.name ?? t('catalogue.title'));
  const back = (useLocation().state as { back?: string } | null)?.back ?? cataloguePath();
  const notFound = p.error instanceof ApiError && p.error.status === 404;

  return (
    <div className="page page--narrow cat-page">
      <p>
        <Link className="back-link" to={back}>
          {t('catalogue.back')}
        </Link>
      </p>
      {p.loading ? <Loading /> : null}
      {notFound ? (
        <>
          <h1 className="page__title">{t('catalogue.title')}</h1>
          <p className="notice notice--error" role="alert">
            {t('catalogue.notFound')}
          </p>
        </>
      ) : p.error ? (
        <LoadError error={p.error} onRetry={p.reload} />
      ) : null}
      {p.data ? (
        <article aria-labelledby="cat-procedure-title">
          <h1 id="cat-procedure-title" className="page__title">
            {p.data.name}
          </h1>
          <SubmitOnline p={p.data} />
          <ProcedureDetails p={p.data} />
        </article>
      ) : null}
    </div>
  );
}
