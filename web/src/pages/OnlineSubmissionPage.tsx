import '../modules/portal/portal.css';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.tsx';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  getDraft,
  listDocuments,
  publicUnits,
  startDraft,
} from '../modules/portal/api/portal.api.ts';
import type { Submitted } from '../modules/portal/api/portal.types.ts';
import { SubmissionDone } from '../modules/portal/components/SubmissionDone.tsx';
import { SubmissionForm } from '../modules/portal/components/SubmissionForm.tsx';
import { PORTAL_PATHS } from '../modules/portal/portal.paths.ts';
import { getProcedure } from '../modules/procedures/api/procedures.api.ts';
import { LoadError, Loading } from '../ui/Notice.tsx';

/**
 * /dich-vu-cong/nop/:code — online submission (signed-in citizen). Without `?nhap=` it starts
 * a draft and puts its id in the address, so a reload or a return later resumes the same one.
 */
export function OnlineSubmissionPage() {
  const t = useT();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const draftId = params.get('nhap');
  const [startError, setStartError] = useState<unknown>(null);
  const [done, setDone] = useState<Submitted | null>(null);
  useDocumentTitle(t('portal.submit.title'));

  useEffect(() => {
    if (draftId || startError) return;
    let live = true;
    startDraft(code).then(
      (d) => live && setParams({ nhap: d.id }, { replace: true }),
      (err: unknown) => live && setStartError(err),
    );
    return () => {
      live = false;
    };
  }, [code, draftId, startError, setParams]);

  const loaded = useAsync(
    async (signal) => {
      if (!draftId) return null;
      const draft = await getDraft(draftId, signal);
      const procedure = await getProcedure(draft.procedureId, signal);
      const [units, documents] = await Promise.all([
        publicUnits(procedure.level, signal),
        listDocuments(signal, draft.id),
      ]);
      return {
        draft,
        procedure,
        units: units.items,
        documents: documents.items,
        storeConsent: documents.dataStoreConsent,
      };
    },
    [draftId],
  );

  return (
    <div className="page page--narrow">
      <p>
        <Link to={PORTAL_PATHS.myDossiers}>{t('portal.nav.myDossiers')}</Link>
      </p>
      <h1 className="page__title">
        {loaded.data ? loaded.data.procedure.name : t('portal.submit.title')}
      </h1>
      {done ? (
        <SubmissionDone result={done} />
      ) : startError ? (
        <LoadError error={startError} />
      ) : loaded.error ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : (
        <>
          <p className="lead">{t('portal.submit.intro')}</p>
          <SubmissionForm
            draft={loaded.data.draft}
            procedure={loaded.data.procedure}
            units={loaded.data.units.map((u) => ({ value: u.code, label: u.fullName || u.name }))}
            documents={loaded.data.documents}
            storeConsent={loaded.data.storeConsent}
            onSubmitted={setDone}
          />
        </>
      )}
    </div>
  );
}
