// The applicant's petitions about the dossier, newest first, with the published answers and
// the handling unit's open question, if any, with its answer form.
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { AsyncState } from '../../../lib/use-async.ts';
import { LoadError, Loading } from '../../../ui/Notice.tsx';
import type { ApplicantPetition, Proof } from '../api/feedback.api.ts';
import { InfoAnswerForm } from './InfoAnswerForm.tsx';

export function MyPetitions({
  state,
  code,
  proof,
}: {
  state: AsyncState<{ items: ApplicantPetition[] }>;
  code: string;
  proof: Proof;
}) {
  const t = useT();
  return (
    <section className="fb-section" aria-labelledby="my-petitions-title">
      <h3 id="my-petitions-title">{t('feedback.mine.title')}</h3>
      {state.loading && !state.data ? <Loading /> : null}
      {state.error ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      {state.data && state.data.items.length === 0 ? (
        <p className="muted">{t('feedback.mine.empty')}</p>
      ) : null}
      <ul className="fb-list">
        {state.data?.items.map((p) => (
          <li key={p.id} className="fb-item">
            <p className="fb-item__head">
              <strong>{p.number}</strong> — <span>{t(`feedback.status.${p.status}`)}</span>
            </p>
            <p className="muted">
              {t('feedback.mine.sentAt', { at: formatDateTime(p.createdAt) })} ·{' '}
              {t('feedback.mine.due', { due: formatDateTime(p.dueAt) })}
            </p>
            <p className="fb-text">{p.content}</p>
            {p.infoRequest ? (
              <InfoAnswerForm code={code} proof={proof} petition={p} onAnswered={state.reload} />
            ) : null}
            {p.answer ? (
              <div className="fb-answer">
                <h4>{t('feedback.mine.answer')}</h4>
                <p className="fb-text">{p.answer}</p>
                {p.answeredAt ? (
                  <p className="muted">
                    {t('feedback.mine.answeredAt', { at: formatDateTime(p.answeredAt) })}
                  </p>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
