// The handling unit's open question about the applicant's petition, with the answer form
// (regulations.md §5). Shown only behind the dossier proof: the question is the applicant's.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextAreaField } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { type ApplicantPetition, answerInfo, type Proof } from '../api/feedback.api.ts';

export function InfoAnswerForm({
  code,
  proof,
  petition: p,
  onAnswered,
}: {
  code: string;
  proof: Proof;
  petition: ApplicantPetition;
  onAnswered: () => void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const info = p.infoRequest;
  if (!info) return null;
  const field = `info-answer-${p.id}`;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setErrors([{ message: t('feedback.info.answerRequired'), targetId: field }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      await answerInfo(code, proof, p.id, text.trim());
      setSent(true);
      onAnswered();
    } catch (err) {
      setErrors([{ message: errorText(err, t) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="fb-answer">
      <h4>{t('feedback.info.title')}</h4>
      <p className="fb-text">{info.question}</p>
      <p className="muted">{t('feedback.info.askedAt', { at: formatDateTime(info.askedAt) })}</p>
      {sent ? <Notice>{t('feedback.info.sent')}</Notice> : null}
      {info.answer !== null ? (
        <p className="fb-text">{t('feedback.info.yourAnswer', { answer: info.answer })}</p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary items={errors} />
          <TextAreaField
            id={field}
            label={t('feedback.info.answer')}
            hint={t('feedback.info.answerHint')}
            maxLength={2000}
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('feedback.info.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
