import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  locatedPoints,
  ReporterActions,
  ReportLocationSection,
  ReportPhotos,
  ReportStatusBadge,
  ReportTimeline,
  useActionLabel,
  usePublicReport,
} from '../modules/reports/index.ts';
import { LoadError, Loading, Notice } from '../ui/Notice.tsx';

/** /phan-anh/:code — public: one report; with ?token= (the follow link), reopen and rating. */
export function PublicReportPage() {
  const t = useT();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') || undefined;
  const state = usePublicReport(code, token);
  const report = state.data;
  const actionLabel = useActionLabel();
  useDocumentTitle(t('reports.detail.title', { code }));
  const markers = useMemo(
    () =>
      report
        ? locatedPoints([report], (r) => r.location).map((r) => ({
            id: r.code,
            lat: r.lat,
            long: r.long,
            status: r.status,
            label: `${r.code} — ${r.categoryName}`,
          }))
        : [],
    [report],
  );

  if (!report)
    return state.error ? <LoadError error={state.error} onRetry={state.reload} /> : <Loading />;

  return (
    <div className="page page--narrow">
      <p className="back-link">
        <Link to={PATHS.reports}>{t('reports.detail.backPublic')}</Link>
      </p>
      <div className="page__header">
        <h1 className="page__title">{t('reports.detail.title', { code: report.code })}</h1>
        <ReportStatusBadge status={report.status} />
      </div>
      {token && !report.mine ? <Notice kind="info">{t('reports.mine.badToken')}</Notice> : null}
      {report.mergedIntoCode ? (
        <Notice kind="info">
          {t('reports.detail.merged')}{' '}
          <Link to={PATHS.report(report.mergedIntoCode)}>{report.mergedIntoCode}</Link>
        </Notice>
      ) : null}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('reports.detail.category')}</dt>
          <dd>{report.categoryName}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('reports.detail.created')}</dt>
          <dd>{formatDateTime(report.createdAt)}</dd>
        </div>
        {report.location.address ? (
          <div className="summary-list__row">
            <dt>{t('reports.detail.address')}</dt>
            <dd>{report.location.address}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t('reports.detail.handlingUnit')}</dt>
          <dd>{report.handlingUnitCode}</dd>
        </div>
        {report.resolvedAt ? (
          <div className="summary-list__row">
            <dt>{t('reports.detail.resolvedAt')}</dt>
            <dd>{formatDateTime(report.resolvedAt)}</dd>
          </div>
        ) : null}
        {report.rating ? (
          <div className="summary-list__row">
            <dt>{t('reports.detail.rating')}</dt>
            <dd>{t('reports.detail.ratingValue', { n: report.rating })}</dd>
          </div>
        ) : null}
      </dl>
      <section className="section" aria-labelledby="rp-desc-title">
        <h2 id="rp-desc-title" className="section__title">
          {t('reports.detail.description')}
        </h2>
        <p className="rp-list__text">{report.description}</p>
      </section>
      <ReportPhotos photos={report.photos} stage="report" titleId="rp-photos-title" />
      <section className="section" aria-labelledby="rp-reply-title" aria-live="polite">
        <h2 id="rp-reply-title" className="section__title">
          {t('reports.public.reply')}
        </h2>
        {report.resolution ? (
          <div className="rp-reply" data-testid="report-reply">
            <p>{report.resolution}</p>
          </div>
        ) : (
          <p className="muted">{t('reports.detail.noReply')}</p>
        )}
      </section>
      <ReportPhotos photos={report.photos} stage="resolution" titleId="rp-after-photos-title" />
      {token && report.mine ? (
        <ReporterActions report={report} token={token} onDone={state.reload} />
      ) : null}
      <ReportLocationSection code={report.code} markers={markers} titleId="rp-map-title" legend />
      <section className="section" aria-labelledby="rp-timeline-title">
        <h2 id="rp-timeline-title" className="section__title">
          {t('reports.detail.timeline')}
        </h2>
        <ReportTimeline
          entries={report.timeline.map((e, i) => ({
            key: i,
            at: e.at,
            actionLabel: actionLabel(e.action, e.actionLabel),
            toStatus: e.toStatus,
            reason: e.reason,
          }))}
        />
      </section>
    </div>
  );
}
