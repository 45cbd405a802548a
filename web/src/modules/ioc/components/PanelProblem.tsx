import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';

/**
 * The notice that stands in for a chart or list whose endpoint failed: 404 (not deployed yet,
 * or nothing for this unit), 403, 5xx or the network. The rest of the page keeps working.
 */
export function PanelProblem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = error instanceof ApiError ? error.status : 0;
  const text =
    status === 404
      ? t('ioc.problem.notFound')
      : status === 403
        ? t('ioc.problem.forbidden')
        : status >= 500
          ? t('ioc.problem.server')
          : t('ioc.problem.network');
  return (
    <div className="notice notice--info ioc-problem" role="status">
      <p>{text}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}
