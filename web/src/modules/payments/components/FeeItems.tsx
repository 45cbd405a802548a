// The fee items of a dossier and their total, as a small table.
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney } from '../../../lib/format.ts';
import type { FeeItem } from '../api/payments.api.ts';

export function FeeItems({ items, total, id }: { items: FeeItem[]; total: number; id: string }) {
  const t = useT();
  return (
    <table className="table table--dense pay-fees">
      <caption id={id} className="visually-hidden">
        {t('payments.fees.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('payments.fees.item')}</th>
          <th scope="col" className="pay-num">
            {t('payments.fees.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((f) => (
          <tr key={f.name}>
            <td>{f.name}</td>
            <td className="pay-num">{formatMoney(f.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('payments.fees.total')}</th>
          <td className="pay-num">
            <strong>{formatMoney(total)}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
