import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/i18n-context.tsx';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { isStaff } from '../modules/dossiers/index.ts';
import { useAuth } from '../modules/identity/index.ts';
import { getReportStats, ReportStatsTable, staffCsvUrl } from '../modules/reports/index.ts';
import { TextField } from '../ui/Field.tsx';
import { LoadError, Loading } from '../ui/Notice.tsx';

/** Today and 1 January of this year in Vietnam time, as YYYY-MM-DD. */
function defaultPeriod(now = new Date()) {
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** /phan-anh/thong-ke — staff: per-unit statistics of field reports. */
export function ReportStatsPage() {
  const t = useT();
  const { user } = useAuth();
  useDocumentTitle(t('reportStats.title'));
  const [draft, setDraft] = useState(defaultPeriod);
  const [period, setPeriod] = useState(draft);
  const stats = useAsync((signal) => getReportStats(period, signal), [period.from, period.to]);

  if (!isStaff(user)) {
    return (
      <div className="notice notice--info" role="status">
        {t('error.forbidden')}
      </div>
    );
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };
  return (
    <div className="page">
      <h1 className="page__title">{t('reportStats.title')}</h1>
      <p className="muted">{t('reportStats.intro')}</p>
      <search>
        <form className="filters" onSubmit={onSubmit}>
          <TextField
            id="stats-from"
            type="date"
            label={t('reportStats.from')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          <TextField
            id="stats-to"
            type="date"
            label={t('reportStats.to')}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
          <button type="submit" className="button">
            {t('action.apply')}
          </button>
        </form>
      </search>
      {stats.error ? <LoadError error={stats.error} onRetry={stats.reload} /> : null}
      {stats.loading && !stats.data ? <Loading /> : null}
      {stats.data ? <ReportStatsTable stats={stats.data} /> : null}
      <p>
        <a className="button button--secondary" href={staffCsvUrl(period)} download>
          {t('reportStats.downloadCsv')}
        </a>
      </p>
      <p className="muted">{t('reportStats.definitions')}</p>
    </div>
  );
}
