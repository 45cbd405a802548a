// What an applicant can do about one dossier beyond seeing its status — pay its fees, rate
// the service, send a petition — shown under the timeline on the public tracking page and on
// "Hồ sơ của tôi". Each module adds its own panel here; each checks the proof itself.
import { FeedbackPanel } from '../../feedback/index.ts';
import { PaymentPanel } from '../../payments/index.ts';

/** How the applicant proved the dossier is theirs: the phone or the citizen ID given at receipt. */
export interface ApplicantProof {
  phone?: string;
  citizenId?: string;
}

export interface ApplicantPanelsProps {
  code: string;
  proof: ApplicantProof;
  /** The dossier's status (received, in_progress, …, returned). */
  status: string;
}

/** The panels, in order: payment, then rating and petitions. */
export function ApplicantPanels(props: ApplicantPanelsProps) {
  return (
    <>
      <PaymentPanel {...props} />
      <FeedbackPanel {...props} />
    </>
  );
}
