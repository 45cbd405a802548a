// Withdrawing a plan (thu hồi kế hoạch): a plan imported by mistake, or replaced by a new one,
// is kept with its history but leaves the lists and the dashboard, and its open tasks are
// cancelled (POST /plans/{id}/withdraw; the server checks that the caller writes plans of the
// unit). Two steps — open the form, then confirm with a reason — so one click does nothing.
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextAreaField } from '../../../ui/Field.tsx';
import type { Plan } from '../api/plan.types.ts';
import { withdrawPlan } from '../api/plans.api.ts';

export function PlanWithdrawal({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const t = useT();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const openTasks = plan.tasks.filter((x) => x.taskId).length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('plans.withdraw.reasonRequired'));
      return;
    }
    setError('');
    setFailure('');
    setBusy(true);
    try {
      await withdrawPlan(plan.id, reason.trim());
      onDone();
    } catch (err) {
      setFailure(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="plans-withdraw" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plans.withdraw.title')}</h2>
      <p className="muted">{t('plans.withdraw.intro', { tasks: openTasks })}</p>
      {!open ? (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('plans.withdraw.open')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          {failure ? (
            <p className="notice notice--error" role="alert">
              {failure}
            </p>
          ) : null}
          <TextAreaField
            id="plan-withdraw-reason"
            label={t('plans.withdraw.reason')}
            hint={t('plans.withdraw.reasonHint')}
            value={reason}
            maxLength={1000}
            rows={3}
            error={error}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-group">
            <button type="submit" className="button button--warning" disabled={busy}>
              {t('plans.withdraw.confirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setOpen(false);
                setError('');
                setFailure('');
              }}
            >
              {t('plans.withdraw.keep')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
