// The actions panel: one button per action the server allows now (`allowedActions`), each
// opening its small form; the action is sent with the version the user saw, and a 409
// version_conflict reloads the dossier with a notice instead of overwriting someone's work.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney } from '../../../lib/format.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { DOSSIER_ACTIONS, type Dossier, type DossierAction } from '../api/dossier.types.ts';
import { postAction, uploadDossierFile } from '../api/dossiers.api.ts';
import { type ActionContext, buildActionPayload, emptyActionDraft } from '../lib/action-payload.ts';
import { handlingUnitOf } from '../lib/handling-unit.ts';
import { ActionFields } from './ActionFields.tsx';

const PREFIX = 'action';
const DANGEROUS: ReadonlySet<DossierAction> = new Set(['refuse', 'stop', 'withdraw']);
// Server field names that differ from the draft's.
const keyOf = (segments: string[]) =>
  ({ newDueAt: 'newDue', resultFileId: 'resultSummary' })[segments[0] ?? ''] ?? segments.join('.');

/** The fee still unpaid and what the procedure lets the desk do about it (pages pass it in). */
export interface UnpaidFee {
  amount: number;
  policy: 'refuse' | 'with_reason';
}

interface DossierActionsProps {
  dossier: Dossier;
  onChanged: (dossier: Dossier) => void;
  onConflict: () => void;
  /** Set while the dossier's fee is unpaid: "Trả kết quả" warns and asks for the reason. */
  unpaidFee?: UnpaidFee | null;
}

/** Buttons for the allowed actions and the open action's form. */
export function DossierActions({ dossier, onChanged, onConflict, unpaidFee }: DossierActionsProps) {
  const t = useT();
  const [open, setOpen] = useState<DossierAction | null>(null);
  const [draft, setDraft] = useState(emptyActionDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [flash, setFlash] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [resultFile, setResultFile] = useState<File | null>(null);
  // A result file already stored, so a retry after a failed action does not upload it twice.
  const uploaded = useRef<{ file: File; id: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const allowed = DOSSIER_ACTIONS.filter((a) => dossier.allowedActions?.includes(a));
  const context: ActionContext = {
    unpaidReason: unpaidFee?.policy === 'with_reason',
    handlingUnitCode: handlingUnitOf(dossier),
  };
  // The server refuses it too (409 fee_unpaid); the button stays so the warning is seen.
  const blocked = open === 'return_result' && unpaidFee?.policy === 'refuse';
  const unpaidWarning =
    unpaidFee && allowed.includes('return_result')
      ? t(
          unpaidFee.policy === 'refuse'
            ? 'dossiers.detail.unpaidRefuse'
            : 'dossiers.detail.unpaidWithReason',
          { amount: formatMoney(unpaidFee.amount) },
        )
      : null;

  useEffect(() => {
    if (!open) return;
    formRef.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, [open]);

  const close = () => {
    const was = open;
    setOpen(null);
    if (was) document.querySelector<HTMLElement>(`[data-action="${was}"]`)?.focus();
  };

  const toggle = (action: DossierAction) => {
    setOpen((current) => (current === action ? null : action));
    setDraft(emptyActionDraft());
    setErrors({});
    setSummary([]);
    setResultFile(null);
    setFlash(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!open || busy) return;
    const built = buildActionPayload(open, draft, dossier.dueAt, context);
    if (!built.payload) {
      const fields = Object.fromEntries(
        Object.entries(built.errors).map(([k, p]) => [k, t(p.key, p.params)]),
      );
      setErrors(fields);
      setSummary(summaryItems(fields, PREFIX));
      return;
    }
    setBusy(true);
    setErrors({});
    setSummary([]);
    try {
      const payload = { ...built.payload };
      if (open === 'finish' && resultFile) {
        if (uploaded.current?.file !== resultFile) {
          const stored = await uploadDossierFile(dossier.id, resultFile, 'result');
          uploaded.current = { file: resultFile, id: stored.id };
        }
        payload.resultFileId = uploaded.current.id;
      }
      const updated = await postAction(dossier.id, open, dossier.version, payload);
      setFlash(t('dossiers.detail.actionDone', { action: t(`dossiers.action.${open}`) }));
      setOpen(null);
      onChanged(updated);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        setFlash(t('dossiers.detail.conflict'));
        setOpen(null);
        onConflict();
      } else {
        const result = serverErrors(error, PREFIX, t, keyOf);
        setErrors(result.fields);
        setSummary(result.summary);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="dossier-actions-title">
      <h2 id="dossier-actions-title" className="panel__title">
        {t('dossiers.detail.actions')}
      </h2>
      {flash ? <Notice kind="info">{flash}</Notice> : null}
      {allowed.length === 0 ? <p className="muted">{t('dossiers.detail.noActions')}</p> : null}
      {unpaidWarning ? (
        <p className="notice notice--info" data-testid="unpaid-fee-warning">
          {unpaidWarning}
        </p>
      ) : null}
      <div className="dq-actions__buttons">
        {allowed.map((action) => (
          <button
            key={action}
            type="button"
            data-action={action}
            className={`button button--small ${DANGEROUS.has(action) ? 'button--warning' : 'button--secondary'}`}
            aria-expanded={open === action}
            aria-controls={open === action ? `${PREFIX}-form` : undefined}
            onClick={() => toggle(action)}
          >
            {t(`dossiers.action.${action}`)}
          </button>
        ))}
      </div>
      {open ? (
        <form
          id={`${PREFIX}-form`}
          ref={formRef}
          className="dq-action-form"
          onSubmit={onSubmit}
          noValidate
          aria-label={t(`dossiers.action.${open}`)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <ErrorSummary items={summary} />
          <ActionFields
            prefix={PREFIX}
            action={open}
            draft={draft}
            onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
            errors={errors}
            resultFile={resultFile}
            onResultFile={setResultFile}
            context={context}
          />
          <div className="button-group">
            <button type="submit" className="button" disabled={busy || blocked}>
              {t('dossiers.detail.confirm')}
            </button>
            <button type="button" className="button button--link" onClick={close}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
