// The clients and their keys (prefix only): who created them, how much they sent, and a
// "revoke" button for keys still in use.
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { Open311Client } from '../api/open311.api.ts';
import { keyDisplay } from '../lib/open311-clients.ts';

export function Open311ClientsTable({
  clients,
  onRevoke,
}: {
  clients: Open311Client[];
  onRevoke: (client: Open311Client) => void;
}) {
  const t = useT();
  if (clients.length === 0) return <p className="muted">{t('open311.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--dense">
        <caption className="visually-hidden">{t('open311.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('open311.colName')}</th>
            <th scope="col">{t('open311.colKey')}</th>
            <th scope="col">{t('open311.colCreated')}</th>
            <th scope="col">{t('open311.colReports')}</th>
            <th scope="col">{t('open311.colLastReport')}</th>
            <th scope="col">{t('open311.colStatus')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {clients.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td>
                <code>{keyDisplay(c.keyPrefix)}</code>
              </td>
              <td>
                {formatDateTime(c.createdAt)}
                {c.createdBy ? (
                  <div className="muted">
                    {t('open311.createdBy', { name: c.createdBy.fullName || c.createdBy.username })}
                  </div>
                ) : null}
              </td>
              <td>{c.reportCount.toLocaleString('vi-VN')}</td>
              <td>{c.lastReportAt ? formatDateTime(c.lastReportAt) : t('open311.never')}</td>
              <td>
                <span className={c.revokedAt ? 'tag tag--grey' : 'tag tag--green'}>
                  {c.revokedAt
                    ? t('open311.revoked', { date: formatDateTime(c.revokedAt) })
                    : t('open311.active')}
                </span>
              </td>
              <td>
                {c.revokedAt ? null : (
                  <button type="button" className="button button--link" onClick={() => onRevoke(c)}>
                    {t('open311.revoke')}
                    <span className="visually-hidden"> {c.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
