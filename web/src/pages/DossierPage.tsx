import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  ApplicantSummary,
  DossierActions,
  DossierFiles,
  DossierFormLinks,
  DossierSteps,
  DossierSummaryList,
  DossierTimeline,
  FormDataSummary,
  StatusBadge,
  UrgencyBadge,
  useDossier,
  useProcedureById,
} from '../modules/dossiers/index.ts';
import { type FeeState, PaymentDeskPanel } from '../modules/payments/staff.ts';
import { LoadError, Loading } from '../ui/Notice.tsx';

/** /ho-so/:id — one dossier: facts, data, files, history and the actions allowed now. */
export function DossierPage() {
  const t = useT();
  const { id = '' } = useParams();
  const state = useDossier(id);
  const dossier = state.data;
  const procedure = useProcedureById(dossier?.procedure.id);
  // The payments panel reports the fee; the actions panel warns before "Trả kết quả".
  const [fee, setFee] = useState<FeeState | null>(null);
  const unpaidFee =
    fee?.status === 'unpaid' && procedure.data
      ? { amount: fee.amount, policy: procedure.data.unpaidReturn ?? 'with_reason' }
      : null;
  useDocumentTitle(
    dossier ? t('dossiers.detail.title', { code: dossier.code }) : t('dossiers.queue.title'),
  );

  if (!dossier) {
    return state.error ? <LoadError error={state.error} onRetry={state.reload} /> : <Loading />;
  }
  const componentName = (key: string) =>
    procedure.data?.components.find((c) => c.key === key)?.name ?? key;

  return (
    <div className="page">
      <p className="back-link">
        <Link to={PATHS.dossiers}>{t('dossiers.detail.back')}</Link>
      </p>
      <div className="page__header">
        <h1 className="page__title">{t('dossiers.detail.title', { code: dossier.code })}</h1>
        <div className="button-group button-group--tight">
          <StatusBadge status={dossier.status} />
          <UrgencyBadge dossier={dossier} />
        </div>
      </div>
      {state.error ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      <div className="split">
        <div>
          <section aria-labelledby="dossier-summary-title">
            <h2 id="dossier-summary-title" className="visually-hidden">
              {t('dossiers.detail.summary')}
            </h2>
            <DossierSummaryList dossier={dossier} />
          </section>
          <section className="section" aria-labelledby="dossier-applicant-title">
            <h2 id="dossier-applicant-title" className="section__title">
              {t('dossiers.detail.applicant')}
            </h2>
            <ApplicantSummary applicant={dossier.applicant} />
          </section>
          <section className="section" aria-labelledby="dossier-form-title">
            <h2 id="dossier-form-title" className="section__title">
              {t('dossiers.detail.formData')}
            </h2>
            <FormDataSummary formData={dossier.formData} procedure={procedure.data} />
          </section>
          <section className="section" aria-labelledby="dossier-files-title">
            <h2 id="dossier-files-title" className="section__title">
              {t('dossiers.detail.files')}
            </h2>
            <DossierFiles dossier={dossier} componentName={componentName} />
          </section>
          <section className="section" aria-labelledby="dossier-steps-title">
            <h2 id="dossier-steps-title" className="section__title">
              {t('dossiers.steps.title')}
            </h2>
            <DossierSteps dossier={dossier} />
          </section>
          <section className="section" aria-labelledby="dossier-timeline-title">
            <h2 id="dossier-timeline-title" className="section__title">
              {t('dossiers.detail.timeline')}
            </h2>
            <DossierTimeline events={dossier.events ?? []} />
          </section>
        </div>
        <div className="split__side">
          <DossierActions
            dossier={dossier}
            onChanged={state.setData}
            onConflict={state.reload}
            unpaidFee={unpaidFee}
          />
          <PaymentDeskPanel dossierId={dossier.id} onFee={setFee} />
          <section className="section" aria-labelledby="dossier-forms-title">
            <h2 id="dossier-forms-title" className="section__title">
              {t('dossiers.detail.forms')}
            </h2>
            <DossierFormLinks dossier={dossier} />
          </section>
        </div>
      </div>
    </div>
  );
}
