// The applicant's rating, once the result is out: 1–5 as a radio group with words (never
// stars alone), an optional comment; after sending, the rating given.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { errorText } from '../../../ui/error-text.ts';
import { TextAreaField } from '../../../ui/Field.tsx';
import { LoadError, Loading, Notice } from '../../../ui/Notice.tsx';
import { getRating, type Proof, sendRating } from '../api/feedback.api.ts';

export const SCORE_LABELS: Record<number, MessageKey> = {
  1: 'feedback.rating.score1',
  2: 'feedback.rating.score2',
  3: 'feedback.rating.score3',
  4: 'feedback.rating.score4',
  5: 'feedback.rating.score5',
};

export function RatingForm({
  code,
  proof,
  status,
}: {
  code: string;
  proof: Proof;
  status: string;
}) {
  const t = useT();
  const state = useAsync(
    (signal) => getRating(code, proof, signal),
    [code, proof.phone, proof.citizenId, status],
  );
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [thanks, setThanks] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (score === null) {
      setErrors([{ message: t('feedback.rating.scoreRequired'), targetId: 'rating-score-5' }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      state.setData(await sendRating(code, proof, score, comment));
      setThanks(true);
    } catch (err) {
      setErrors([{ message: errorText(err, t) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="fb-section" aria-labelledby="rating-title">
      <h3 id="rating-title">{t('feedback.rating.title')}</h3>
      {state.loading && !state.data ? <Loading /> : null}
      {state.error ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      {state.data?.rating ? (
        <Notice>
          {thanks ? <p>{t('feedback.rating.thanks')}</p> : null}
          <p>
            {t('feedback.rating.given', {
              score: String(state.data.rating.score),
              label: t(SCORE_LABELS[state.data.rating.score] ?? 'feedback.rating.score3'),
            })}
          </p>
          {state.data.rating.comment ? <p>{state.data.rating.comment}</p> : null}
        </Notice>
      ) : state.data && !state.data.open ? (
        <p className="muted">{t('feedback.rating.notYet')}</p>
      ) : state.data?.open ? (
        <form onSubmit={submit} noValidate>
          <p>{t('feedback.rating.intro')}</p>
          <ErrorSummary items={errors} />
          <fieldset className="fieldset fb-scores">
            <legend className="fieldset__legend">{t('feedback.rating.legend')}</legend>
            {[5, 4, 3, 2, 1].map((s) => (
              <div className="checkbox fb-radio" key={s}>
                <input
                  type="radio"
                  id={`rating-score-${s}`}
                  name="rating-score"
                  value={s}
                  checked={score === s}
                  onChange={() => setScore(s)}
                />
                <label htmlFor={`rating-score-${s}`}>
                  <span className="fb-stars" aria-hidden="true">
                    {'★'.repeat(s)}
                    {'☆'.repeat(5 - s)}
                  </span>{' '}
                  {s} — {t(SCORE_LABELS[s]!)}
                </label>
              </div>
            ))}
          </fieldset>
          <TextAreaField
            id="rating-comment"
            label={t('feedback.rating.comment')}
            hint={t('feedback.rating.commentHint')}
            maxLength={1000}
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('feedback.rating.submit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
