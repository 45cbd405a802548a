import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  type CreatedReport,
  ReportCreated,
  ReportForm,
  useReportCategories,
  useWardOptions,
} from '../modules/reports/index.ts';
import { LoadError, Loading } from '../ui/Notice.tsx';

/** /phan-anh/gui — public, no sign-in: a citizen reports a problem in the street. */
export function ReportSubmitPage() {
  const t = useT();
  useDocumentTitle(t('reports.submit.title'));
  const categories = useReportCategories();
  const wards = useWardOptions();
  const [created, setCreated] = useState<CreatedReport | null>(null);
  // A new form after "send another" (fresh state, fresh idempotency key).
  const [round, setRound] = useState(0);

  return (
    <div className="page page--narrow">
      <p className="back-link">
        <Link to={PATHS.reports}>{t('reports.submit.back')}</Link>
      </p>
      <h1 className="page__title">{t('reports.submit.title')}</h1>
      {created ? (
        <ReportCreated
          created={created}
          onAnother={() => {
            setCreated(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <>
          <p className="lead">{t('reports.submit.intro')}</p>
          {categories.error ? (
            <LoadError error={categories.error} onRetry={categories.reload} />
          ) : categories.data ? (
            <ReportForm
              key={round}
              categories={categories.data}
              units={wards}
              reportHref={PATHS.report}
              onCreated={(c) => {
                setCreated(c);
                window.scrollTo({ top: 0 });
              }}
            />
          ) : (
            <Loading />
          )}
        </>
      )}
    </div>
  );
}
