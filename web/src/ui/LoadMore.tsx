import { useT } from '../i18n/i18n-context.tsx';

/** "Showing N" and a "load more" button for cursor-paged lists. */
export function LoadMore({
  count,
  hasMore,
  loading,
  onLoadMore,
}: {
  count: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  const t = useT();
  return (
    <div className="load-more">
      <p role="status" className="load-more__count">
        {loading ? t('status.loading') : t('list.showing', { count })}
      </p>
      {hasMore ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={onLoadMore}
          disabled={loading}
        >
          {t('action.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
