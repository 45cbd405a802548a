import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { buildUrl } from '../api/client.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useAsync } from '../lib/use-async.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { CatalogueResults } from '../modules/procedures/catalogue/CatalogueResults.tsx';
import { CatalogueSearchForm } from '../modules/procedures/catalogue/CatalogueSearchForm.tsx';
import {
  type CatalogueQuery,
  filterOptions,
  type ProcedureSummary,
  searchProcedures,
} from '../modules/procedures/catalogue/catalogue.api.ts';
import '../modules/procedures/catalogue/catalogue.css';
import { LoadError } from '../ui/Notice.tsx';

const KEYS = ['q', 'field', 'agency', 'level', 'onlineLevel'] as const;

function queryFromParams(params: URLSearchParams): CatalogueQuery {
  const get = (k: string) => params.get(k) ?? '';
  return {
    q: get('q'),
    field: get('field'),
    agency: get('agency'),
    level: get('level'),
    onlineLevel: get('onlineLevel'),
  };
}

/** /dich-vu-cong — public: search the procedures in force (query and filters in the URL). */
export function CataloguePage() {
  const t = useT();
  useDocumentTitle(t('catalogue.title'));
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const key = KEYS.map((k) => query[k]).join('\u0000');
  const [more, setMore] = useState<{ key: string; items: ProcedureSummary[] }>({
    key: '',
    items: [],
  });
  const [loadingMore, setLoadingMore] = useState(false);

  const options = useAsync(filterOptions, []);
  const first = useAsync((signal) => searchProcedures(query, 0, signal), [key]);
  const extra = more.key === key ? more.items : [];
  const items = [...(first.data?.items ?? []), ...extra];
  const total = first.data?.total ?? 0;

  const change = (next: CatalogueQuery) => {
    const entries = KEYS.map((k) => [k, next[k].trim()] as const).filter(([, v]) => v !== '');
    setParams(new URLSearchParams(buildUrl('', Object.fromEntries(entries)).slice(1)), {
      // Typing refines one search (replace); a filter is a step the back button undoes.
      replace: KEYS.every((k) => k === 'q' || next[k] === query[k]),
    });
  };

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const page = await searchProcedures(query, items.length, new AbortController().signal);
      setMore({ key, items: [...extra, ...page.items] });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="page cat-page">
      <h1 className="page__title">{t('catalogue.title')}</h1>
      <p className="lead">{t('catalogue.intro')}</p>
      <CatalogueSearchForm
        query={query}
        fields={options.data?.fields ?? []}
        agencies={options.data?.agencies ?? []}
        onChange={change}
      />
      <section aria-labelledby="cat-results-title">
        <h2 id="cat-results-title" className="visually-hidden">
          {t('catalogue.results')}
        </h2>
        <p role="status" className="cat-count">
          {first.loading
            ? t('status.loading')
            : first.error
              ? ''
              : total === 0
                ? t('catalogue.none')
                : query.q.trim()
                  ? t('catalogue.countFor', { count: total, q: query.q.trim() })
                  : t('catalogue.count', { count: total })}
        </p>
        {first.error ? <LoadError error={first.error} onRetry={first.reload} /> : null}
        {first.loading ? null : <CatalogueResults items={items} />}
        {!first.loading && items.length < total ? (
          <div className="load-more">
            <p className="load-more__count">
              {t('catalogue.showing', { shown: items.length, total })}
            </p>
            <button
              type="button"
              className="button button--secondary"
              onClick={loadMore}
              disabled={loadingMore}
            >
              {loadingMore ? t('status.loading') : t('catalogue.loadMore')}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
