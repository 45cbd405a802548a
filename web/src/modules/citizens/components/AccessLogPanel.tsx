// Who read my data: every logged staff read, newest first.
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useCursorList } from '../../../lib/use-cursor-list.ts';
import { LoadMore } from '../../../ui/LoadMore.tsx';
import { LoadError } from '../../../ui/Notice.tsx';
import { type AccessEntry, fetchAccessLog } from '../api/citizens.api.ts';

const FIELDS = new Set(['profile', 'citizen_id']);

/** The access log table. */
export function AccessLogPanel() {
  const t = useT();
  const list = useCursorList<AccessEntry>((cursor, signal) => fetchAccessLog(cursor, signal), []);
  const field = (f: string) => (FIELDS.has(f) ? t(`citizens.access.field.${f}` as MessageKey) : f);

  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <div>
      <p>{t('citizens.access.intro')}</p>
      {!list.loading && list.items.length === 0 ? (
        <p className="muted">{t('citizens.access.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('citizens.access.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('citizens.access.col.at')}</th>
                <th scope="col">{t('citizens.access.col.who')}</th>
                <th scope="col">{t('citizens.access.col.what')}</th>
                <th scope="col">{t('citizens.access.col.purpose')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.accessorName}</td>
                  <td>{field(e.field)}</td>
                  <td>{e.purpose}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.items.length > 0 || list.hasMore ? (
        <LoadMore
          count={list.items.length}
          hasMore={list.hasMore}
          loading={list.loading}
          onLoadMore={list.loadMore}
        />
      ) : null}
    </div>
  );
}
