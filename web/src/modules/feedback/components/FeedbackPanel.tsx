// What the applicant can say about a dossier on the public tracking page: a rating once the
// result is out, a petition at any time, and the petitions already sent with their answers.
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { getMyPetitions, type Proof } from '../api/feedback.api.ts';
import { MyPetitions } from './MyPetitions.tsx';
import { PetitionForm } from './PetitionForm.tsx';
import { RatingForm } from './RatingForm.tsx';

export interface FeedbackPanelProps {
  code: string;
  proof: Proof;
  /** The dossier's status; the rating opens at `returned`. */
  status: string;
}

export function FeedbackPanel({ code, proof, status }: FeedbackPanelProps) {
  const t = useT();
  const petitions = useAsync(
    (signal) => getMyPetitions(code, proof, signal),
    [code, proof.phone, proof.citizenId],
  );
  // Rated only once the result was returned (the server decides; this only saves a call).
  return (
    <div className="fb-panel">
      {status === 'returned' ? (
        <RatingForm code={code} proof={proof} status={status} />
      ) : (
        <section className="fb-section" aria-labelledby="rating-title">
          <h3 id="rating-title">{t('feedback.rating.title')}</h3>
          <p className="muted">{t('feedback.rating.notYet')}</p>
        </section>
      )}
      <PetitionForm code={code} proof={proof} onSent={petitions.reload} />
      <MyPetitions state={petitions} code={code} proof={proof} />
    </div>
  );
}
