import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney } from '../../../lib/format.ts';
import type { Procedure } from '../api/procedure.types.ts';

/** The dense procedure table; each name links to `href(procedure)` (the editor, or its page). */
export function ProceduresTable({
  items,
  href,
}: {
  items: Procedure[];
  href: (procedure: Procedure) => string;
}) {
  const t = useT();
  if (!items.length) return <p className="muted">{t('procedures.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--dense">
        <caption className="visually-hidden">{t('procedures.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('procedures.colCode')}</th>
            <th scope="col">{t('procedures.colName')}</th>
            <th scope="col">{t('procedures.colField')}</th>
            <th scope="col">{t('procedures.colLevel')}</th>
            <th scope="col">{t('procedures.colOnline')}</th>
            <th scope="col">{t('procedures.colTime')}</th>
            <th scope="col">{t('procedures.colFees')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td className="nowrap">{p.code}</td>
              <td>
                <Link to={href(p)}>{p.name}</Link>
                {p.status === 'archived' ? (
                  <>
                    {' '}
                    <span className="tag tag--grey">{t('procedures.archived')}</span>
                  </>
                ) : null}
              </td>
              <td>{p.field}</td>
              <td>{t(`level.${p.level}`)}</td>
              <td>{t(`onlineLevel.${p.onlineLevel}`)}</td>
              <td className="nowrap">
                {t(`duration.${p.processingTime.unit}`, { n: p.processingTime.value })}
              </td>
              <td>
                {p.fees.length === 0
                  ? t('fees.free')
                  : p.fees.map((f) => (
                      <div key={f.name} className="nowrap">
                        {formatMoney(f.amount)}
                        <span className="visually-hidden"> ({f.name})</span>
                      </div>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
