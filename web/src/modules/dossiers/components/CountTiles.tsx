// The leader's totals: one tile per status plus overdue and due soon; a tile toggles its filter.
import { useT } from '../../../i18n/i18n-context.tsx';
import { DOSSIER_STATUSES, type DossierCounts } from '../api/dossier.types.ts';
import { type IconName, UrgencyIcon } from './UrgencyIcon.tsx';

interface CountTilesProps {
  counts: DossierCounts | null;
  status: string;
  overdue: boolean;
  /** Applies one change of the status and/or overdue filters. */
  onFilter: (patch: { status?: string; overdue?: boolean }) => void;
}

/** Count tiles over the current filters. */
export function CountTiles({ counts, status, overdue, onFilter }: CountTilesProps) {
  const t = useT();
  if (!counts) return null;
  const total = Object.values(counts.byStatus).reduce((sum, n) => sum + (n ?? 0), 0);
  const tile = (label: string, value: number, icon?: IconName) => (
    <>
      <span className="dq-tile__value">{value.toLocaleString('vi-VN')}</span>
      {icon ? <UrgencyIcon name={icon} /> : null}
      {label}
    </>
  );
  return (
    <section aria-labelledby="unit-tiles-title">
      <h2 id="unit-tiles-title" className="visually-hidden">
        {t('dossiers.unit.tiles')}
      </h2>
      <ul className="dq-tiles">
        <li>
          <button
            type="button"
            className="dq-tile"
            aria-pressed={!status && !overdue}
            onClick={() => onFilter({ status: '', overdue: false })}
          >
            {tile(t('dossiers.unit.total'), total)}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="dq-tile dq-tile--overdue"
            aria-pressed={overdue}
            onClick={() => onFilter({ overdue: !overdue })}
          >
            {tile(t('dossiers.urgency.overdue'), counts.overdue, 'overdue')}
          </button>
        </li>
        <li>
          <div className="dq-tile dq-tile--dueSoon">
            {tile(t('dossiers.urgency.dueSoon'), counts.dueSoon, 'dueSoon')}
          </div>
        </li>
        {DOSSIER_STATUSES.map((s) => (
          <li key={s}>
            <button
              type="button"
              className={`dq-tile${s === 'awaiting_completion' ? ' dq-tile--paused' : ''}`}
              aria-pressed={status === s}
              onClick={() => onFilter({ status: status === s ? '' : s })}
            >
              {tile(
                t(`dossiers.status.${s}`),
                counts.byStatus[s] ?? 0,
                s === 'awaiting_completion' ? 'paused' : undefined,
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
