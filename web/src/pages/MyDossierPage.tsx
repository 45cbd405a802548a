import '../modules/portal/portal.css';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDateTime, formatMoney } from '../lib/format.ts';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { getMyDossier, receiptUrl, resultUrl } from '../modules/portal/api/portal.api.ts';
import { ApplicantPanels } from '../modules/portal/components/ApplicantPanels.tsx';
import { PORTAL_PATHS } from '../modules/portal/portal.paths.ts';
import { LoadError, Loading } from '../ui/Notice.tsx';

/** /dich-vu-cong/ho-so-cua-toi/:code — one of my dossiers: steps, receipt, result, fees, feedback. */
export function MyDossierPage() {
  const t = useT();
  const { code = '' } = useParams();
  const d = useAsync((signal) => getMyDossier(code, signal), [code]);
  useDocumentTitle(d.data?.procedureName ?? t('portal.my.title'));
  const data = d.data;
  return (
    <div className="page page--narrow">
      <p>
        <Link to={PORTAL_PATHS.myDossiers}>{t('portal.nav.myDossiers')}</Link>
      </p>
      {d.error ? (
        <LoadError error={d.error} onRetry={d.reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <h1 className="page__title">{data.procedureName}</h1>
          <dl className="portal-facts">
            <dt>{t('track.code')}</dt>
            <dd>
              <strong>{data.code}</strong>
            </dd>
            <dt>{t('track.status')}</dt>
            <dd>
              <strong>{data.statusLabel}</strong>
            </dd>
            <dt>{t('track.received')}</dt>
            <dd>{formatDateTime(data.receivedAt)}</dd>
            <dt>{t('track.due')}</dt>
            <dd>{formatDateTime(data.dueAt)}</dd>
            <dt>{t('portal.my.fees')}</dt>
            <dd>{data.feesDue > 0 ? formatMoney(data.feesDue) : t('portal.submit.noFees')}</dd>
            <dt>{t('portal.delivery.title')}</dt>
            <dd>
              {data.delivery.method === 'postal'
                ? `${t('portal.delivery.postal')}: ${data.delivery.address}`
                : t('portal.delivery.desk')}
            </dd>
          </dl>
          <div className="button-group">
            <a
              className="button button--secondary"
              href={receiptUrl(data.code)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('portal.done.receipt')}
            </a>
            {data.resultAvailable ? (
              <a className="button" href={resultUrl(data.code)}>
                {t('portal.my.downloadResult')}
              </a>
            ) : null}
          </div>
          {data.resultSigned ? (
            <p className="portal-signed">
              <span className="portal-signed__badge">{t('portal.my.resultSignedBadge')}</span>{' '}
              {t('portal.my.resultSigned')}{' '}
              <Link to="/kiem-tra-chu-ky">{t('portal.my.verifyLink')}</Link>.
            </p>
          ) : null}
          <h2>{t('track.timeline')}</h2>
          <ol>
            {data.timeline.map((s) => (
              <li key={`${s.at}-${s.action}`}>
                {formatDateTime(s.at)} — {s.label}
              </li>
            ))}
          </ol>
          <ApplicantPanels
            code={data.code}
            proof={
              data.proof.phone
                ? { phone: data.proof.phone }
                : { citizenId: data.proof.citizenId ?? '' }
            }
            status={data.status}
          />
        </>
      )}
    </div>
  );
}
