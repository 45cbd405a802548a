import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { Unit } from '../api/unit.types.ts';

interface UnitDetailProps {
  unit: Unit;
  parent?: Unit;
  successor?: Unit;
  canClose: boolean;
  onClose: () => void;
}

/** The detail panel of the selected unit. */
export function UnitDetail({ unit, parent, successor, canClose, onClose }: UnitDetailProps) {
  const t = useT();
  const rows: [string, string][] = [
    [t('unit.code'), unit.code],
    [t('unit.name'), unit.name],
    [t('unit.fullName'), unit.fullName],
    [t('unit.kind'), t(`unitKind.${unit.kind}`)],
    [t('unit.category'), unit.category ?? '—'],
    [t('unit.parent'), parent ? `${parent.name} (${parent.code})` : (unit.parentCode ?? '—')],
    [t('unit.agencyId'), unit.agencyId ?? '—'],
    [t('unit.validFrom'), formatDate(unit.validFrom) || '—'],
    [t('unit.validTo'), formatDate(unit.validTo) || '—'],
    [
      t('unit.successor'),
      successor ? `${successor.name} (${successor.code})` : (unit.successorCode ?? '—'),
    ],
  ];
  return (
    <section className="panel" aria-labelledby="unit-detail-title">
      <h2 id="unit-detail-title" className="panel__title">
        {unit.fullName || unit.name}
      </h2>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div className="summary-list__row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {canClose && !unit.validTo ? (
        <button type="button" className="button button--warning" onClick={onClose}>
          {t('units.closeAction')}
        </button>
      ) : null}
    </section>
  );
}
