// One section of "my work": a heading with its count, the records as links, an empty state
// that says what to do, and a failure that does not take the rest of the page down.
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { errorText } from '../../../ui/error-text.ts';
import type { User } from '../../identity/api/identity.types.ts';
import { loadSection } from '../lib/loaders.ts';
import type { WorkSectionKey } from '../lib/sections.ts';

/** The section `section` of `user`'s work. */
export function WorkSection({ section, user }: { section: WorkSectionKey; user: User }) {
  const t = useT();
  const state = useAsync((signal) => loadSection(section, signal), [section, user.id]);
  const id = `work-${section}`;
  const data = state.data;
  return (
    <section className="work-section" aria-labelledby={id} aria-busy={state.loading || undefined}>
      <h2 id={id} className="card__title">
        {t(`work.${section}.title`, { count: data ? String(data.count) : '…' })}
      </h2>
      {state.loading ? (
        <p role="status">{t('work.loading')}</p>
      ) : state.error ? (
        <p className="notice notice--error" role="alert">
          {t('work.loadFailed', { detail: errorText(state.error, t) })}
        </p>
      ) : !data?.rows ? (
        <p className="muted">{t('work.tasks.unavailable')}</p>
      ) : data.rows.length === 0 ? (
        <p className="muted">{t(`work.${section}.empty`)}</p>
      ) : (
        <ul className="work-section__list">
          {data.rows.map((row) => (
            <li key={row.key}>
              <Link to={row.href}>{row.title}</Link>
              {row.tag ? (
                <span className={`tag tag--${row.tag === 'overdue' ? 'danger' : 'warning'}`}>
                  {t(row.tag === 'overdue' ? 'work.overdueTag' : 'work.dueSoonTag')}
                </span>
              ) : null}
              <span className="work-section__meta">
                {row.detail}
                {row.due ? ` · ${t('work.due', { date: formatDateTime(row.due) })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data?.more && data.rows && data.rows.length > 0 ? (
        <p>
          <Link to={data.more}>{t('work.more')}</Link>
        </p>
      ) : null}
    </section>
  );
}
