import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  locatedPoints,
  ReportActions,
  ReportLocationSection,
  ReportPhotos,
  ReportStatusBadge,
  ReportTimeline,
  ReportUrgencyBadge,
  useActionLabel,
  useMergeTargets,
  useReport,
} from '../modules/reports/index.ts';
import { LoadError, Loading } from '../ui/Notice.tsx';

/** /phan-anh/xu-ly/:id — staff: one report, its history and the actions allowed now. */
export function ReportPage() {
  const t = useT();
  const { id = '' } = useParams();
  const state = useReport(id);
  const report = state.data;
  const actionLabel = useActionLabel();
  useDocumentTitle(
    report ? t('reports.detail.title', { code: report.code }) : t('reports.queue.title'),
  );
  const mergeTargets = useMergeTargets(report);
  const markers = useMemo(
    () =>
      report
        ? locatedPoints([report], (r) => r.location).map((r) => ({
            id: r.id,
            lat: r.lat,
            long: r.long,
            status: r.status,
            label: r.code,
          }))
        : [],
    [report],
  );

  if (!report)
    return state.error ? <LoadError error={state.error} onRetry={state.reload} /> : <Loading />;
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <div className="summary-list__row">
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ) : null;
  const reporter = report.reporter;

  return (
    <div className="page">
      <p className="back-link">
        <Link to={PATHS.reportQueue}>{t('reports.detail.backQueue')}</Link>
      </p>
      <div className="page__header">
        <h1 className="page__title">{t('reports.detail.title', { code: report.code })}</h1>
        <div className="button-group button-group--tight">
          <ReportStatusBadge status={report.status} />
          <ReportUrgencyBadge report={report} now={Date.now()} />
        </div>
      </div>
      {state.error ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      <div className="split">
        <div>
          <dl className="summary-list">
            {row(t('reports.detail.category'), report.categoryName)}
            {row(
              t('reports.detail.handlingUnit'),
              report.handlingUnitName
                ? `${report.handlingUnitName} (${report.handlingUnitCode})`
                : report.handlingUnitCode,
            )}
            {row(t('reports.detail.created'), formatDateTime(report.createdAt))}
            {row(t('reports.detail.acceptDue'), formatDateTime(report.acceptDueAt))}
            {row(t('reports.detail.resolveDue'), formatDateTime(report.resolveDueAt))}
            {row(t('reports.detail.due'), formatDateTime(report.dueAt))}
            {row(t('reports.detail.assignee'), report.assignee?.fullName)}
            {row(t('reports.detail.address'), report.location.address)}
            {row(
              t('reports.detail.reporter'),
              [reporter.name, reporter.phone, reporter.email].filter(Boolean).join(' · ') ||
                t('reports.detail.noContact'),
            )}
            {reporter.anonymous
              ? row(t('reports.detail.anonymous'), t('reports.detail.anonymousYes'))
              : null}
            {report.reopenCount
              ? row(t('reports.detail.reopenCount'), String(report.reopenCount))
              : null}
            {report.rating
              ? row(
                  t('reports.detail.rating'),
                  `${t('reports.detail.ratingValue', { n: report.rating })}${report.ratingComment ? ` — ${report.ratingComment}` : ''}`,
                )
              : null}
          </dl>
          <section className="section" aria-labelledby="rq-desc-title">
            <h2 id="rq-desc-title" className="section__title">
              {t('reports.detail.description')}
            </h2>
            <p className="rp-list__text">{report.description}</p>
            {report.answers?.length ? (
              <dl className="summary-list">
                {report.answers.map((a) => (
                  <div className="summary-list__row" key={a.code}>
                    <dt>{a.question}</dt>
                    <dd>{a.answer}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </section>
          <ReportPhotos photos={report.photos} stage="report" titleId="rq-photos-title" />
          {report.resolution ? (
            <section className="section" aria-labelledby="rq-reply-title">
              <h2 id="rq-reply-title" className="section__title">
                {t('reports.public.reply')}
              </h2>
              <div className="rp-reply">
                <p>{report.resolution}</p>
              </div>
            </section>
          ) : null}
          <ReportPhotos photos={report.photos} stage="resolution" titleId="rq-after-photos-title" />
          <ReportLocationSection code={report.code} markers={markers} titleId="rq-map-title" />
          <section className="section" aria-labelledby="rq-timeline-title">
            <h2 id="rq-timeline-title" className="section__title">
              {t('reports.detail.timeline')}
            </h2>
            <ReportTimeline
              entries={[...report.events]
                .sort((a, b) => a.seq - b.seq)
                .map((e) => ({
                  key: e.seq,
                  at: e.at,
                  actionLabel: actionLabel(e.action, e.actionLabel),
                  toStatus: e.toStatus,
                  reason: e.reason,
                  actorName: e.actorName,
                }))}
            />
          </section>
        </div>
        <div className="split__side">
          <ReportActions
            report={report}
            mergeTargets={mergeTargets}
            onChanged={state.setData}
            onConflict={state.reload}
          />
        </div>
      </div>
    </div>
  );
}
