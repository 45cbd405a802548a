// The forms of the actions the caller may take now: accept (one button), reject (a reason),
// answer (the text the petitioner receives), request_info (one question to the petitioner). A stale version comes back as the server's 409.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextAreaField } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { actOnPetition, type PetitionAction, type PetitionDetail } from '../api/feedback.api.ts';

export function PetitionActions({
  petition,
  onDone,
}: {
  petition: PetitionDetail;
  onDone: (p: PetitionDetail) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState('');
  const [question, setQuestion] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const allowed = new Set(petition.allowedActions);

  async function run(action: PetitionAction, text?: { value: string; field: string }) {
    if (text && !text.value.trim()) {
      setErrors([{ message: t('feedback.action.textRequired'), targetId: text.field }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    setSaved(false);
    try {
      const next = await actOnPetition(petition.id, {
        action,
        version: petition.version,
        reason:
          action === 'reject'
            ? reason.trim()
            : action === 'request_info'
              ? question.trim()
              : undefined,
        answer: action === 'answer' ? answer.trim() : undefined,
      });
      setSaved(true);
      if (action === 'request_info') setQuestion('');
      onDone(next);
    } catch (err) {
      setErrors([{ message: errorText(err, t) }]);
    } finally {
      setBusy(false);
    }
  }
  const submit =
    (action: PetitionAction, text?: { value: string; field: string }) => (e: FormEvent) => {
      e.preventDefault();
      void run(action, text);
    };

  return (
    <section className="fb-actions" aria-labelledby="petition-actions-title">
      <h2 id="petition-actions-title">{t('feedback.action.title')}</h2>
      {saved ? <Notice>{t('feedback.action.done')}</Notice> : null}
      <ErrorSummary items={errors} />
      {allowed.size === 0 ? <p className="muted">{t('feedback.action.none')}</p> : null}
      {allowed.has('accept') ? (
        <form onSubmit={submit('accept')}>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('feedback.action.accept')}
          </button>
        </form>
      ) : null}
      {allowed.has('answer') ? (
        <form onSubmit={submit('answer', { value: answer, field: 'petition-answer' })} noValidate>
          <TextAreaField
            id="petition-answer"
            label={t('feedback.action.answerText')}
            hint={t('feedback.action.answerHint')}
            maxLength={4000}
            rows={5}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('feedback.action.answer')}
          </button>
        </form>
      ) : null}
      {allowed.has('request_info') ? (
        <form
          onSubmit={submit('request_info', { value: question, field: 'petition-question' })}
          noValidate
        >
          <TextAreaField
            id="petition-question"
            label={t('feedback.action.question')}
            hint={t('feedback.action.questionHint', { due: formatDateTime(petition.infoDueAt) })}
            maxLength={2000}
            rows={3}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('feedback.action.requestInfo')}
          </button>
        </form>
      ) : null}
      {allowed.has('reject') ? (
        <form onSubmit={submit('reject', { value: reason, field: 'petition-reason' })} noValidate>
          <TextAreaField
            id="petition-reason"
            label={t('feedback.action.reason')}
            maxLength={4000}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button button--warning" disabled={busy}>
            {t('feedback.action.reject')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
