// Counts of the filtered queue as chips; a chip that matches a filter toggles it.
import { useT } from '../../../i18n/i18n-context.tsx';
import { DOSSIER_STATUSES, type DossierCounts } from '../api/dossier.types.ts';
import { UrgencyIcon } from './UrgencyIcon.tsx';

interface CountChipsProps {
  counts: DossierCounts | null;
  status: string;
  overdue: boolean;
  onStatus: (status: string) => void;
  onOverdue: (on: boolean) => void;
}

/** Overdue, due soon, paused and per-status counts. */
export function CountChips({ counts, status, overdue, onStatus, onOverdue }: CountChipsProps) {
  const t = useT();
  if (!counts) return null;
  const chip = (label: string, n: number) => t('dossiers.queue.chip', { label, n });
  return (
    <ul className="dq-chips" aria-label={t('dossiers.queue.counts')}>
      <li>
        <button
          type="button"
          className="dq-chip"
          aria-pressed={overdue}
          onClick={() => onOverdue(!overdue)}
        >
          <UrgencyIcon name="overdue" />
          {chip(t('dossiers.urgency.overdue'), counts.overdue)}
        </button>
      </li>
      <li>
        <span className="dq-chip" role="note">
          <UrgencyIcon name="dueSoon" />
          {chip(t('dossiers.urgency.dueSoon'), counts.dueSoon)}
        </span>
      </li>
      <li>
        <button
          type="button"
          className="dq-chip"
          aria-pressed={status === 'awaiting_completion'}
          onClick={() => onStatus(status === 'awaiting_completion' ? '' : 'awaiting_completion')}
        >
          <UrgencyIcon name="paused" />
          {chip(t('dossiers.urgency.paused'), counts.paused)}
        </button>
      </li>
      {DOSSIER_STATUSES.filter((s) => s !== 'awaiting_completion' && counts.byStatus[s]).map(
        (s) => (
          <li key={s}>
            <button
              type="button"
              className="dq-chip"
              aria-pressed={status === s}
              onClick={() => onStatus(status === s ? '' : s)}
            >
              {chip(t(`dossiers.status.${s}`), counts.byStatus[s] ?? 0)}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}
