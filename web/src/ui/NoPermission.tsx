// What a page shows instead of its content when the signed-in role may not use it: a plain
// "no permission" message (never an empty list that invites an action the API would refuse).
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/i18n-context.tsx';

/** True when `error` is the API's 403 (the caller may not do this). */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/**
 * The "Bạn không có quyền mở trang này" panel. `scope` says who the page is for (from the
 * capability table); `error`, the API's refusal, adds the server's own words.
 */
export function NoPermission({
  scope = 'system',
  error,
}: {
  scope?: 'system' | 'unit';
  error?: unknown;
}) {
  const t = useT();
  const detail = error instanceof ApiError ? error.detail : '';
  return (
    <section className="notice notice--info" aria-labelledby="no-permission-title">
      <h2 id="no-permission-title" className="section__title">
        {t('access.denied.title')}
      </h2>
      <p>{t(scope === 'unit' ? 'access.denied.unit' : 'access.denied.system')}</p>
      {detail ? <p className="muted">{t('access.denied.server', { detail })}</p> : null}
      <p>
        <Link to="/">{t('access.home')}</Link>
      </p>
    </section>
  );
}
