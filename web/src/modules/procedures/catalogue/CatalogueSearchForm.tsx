// The catalogue's search box and filters. The search runs when the form is sent (Enter or
// the button, as a phone keyboard's "Search" key does) and after a pause in typing; the
// selects apply at once. Everything lives in the page's URL so a search can be shared.
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { type CatalogueQuery, LEVELS, ONLINE_LEVELS } from './catalogue.api.ts';

export function CatalogueSearchForm({
  query,
  fields,
  agencies,
  onChange,
}: {
  query: CatalogueQuery;
  fields: string[];
  agencies: string[];
  onChange: (q: CatalogueQuery) => void;
}) {
  const t = useT();
  const [q, setQ] = useState(query.q);
  const debouncedQ = useDebounced(q, 400);
  const filtered = Boolean(query.field || query.agency || query.level || query.onlineLevel);

  // Back/forward in the browser changes the URL's query: show it.
  useEffect(() => setQ(query.q), [query.q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text triggers a search.
  useEffect(() => {
    if (debouncedQ.trim() !== query.q.trim()) onChange({ ...query, q: debouncedQ });
  }, [debouncedQ]);

  const all = { value: '', label: t('catalogue.all') };
  const select = (key: keyof CatalogueQuery) => (e: { target: { value: string } }) =>
    onChange({ ...query, q, [key]: e.target.value });

  return (
    <search aria-label={t('catalogue.filters')} className="cat-search">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ ...query, q });
        }}
      >
        <div className="cat-search__row">
          <TextField
            id="catalogue-q"
            type="search"
            label={t('catalogue.search')}
            hint={t('catalogue.searchHint')}
            className="cat-search__box"
            value={q}
            autoComplete="off"
            enterKeyHint="search"
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="button cat-search__submit">
            {t('catalogue.searchButton')}
          </button>
        </div>
        <details className="cat-filters" open={filtered || undefined}>
          <summary className="cat-filters__summary">{t('catalogue.filtersToggle')}</summary>
          <div className="cat-filters__grid">
            <SelectField
              id="catalogue-field"
              label={t('catalogue.field')}
              value={query.field}
              options={[all, ...fields.map((f) => ({ value: f, label: f }))]}
              onChange={select('field')}
            />
            <SelectField
              id="catalogue-agency"
              label={t('catalogue.agency')}
              value={query.agency}
              options={[all, ...agencies.map((a) => ({ value: a, label: a }))]}
              onChange={select('agency')}
            />
            <SelectField
              id="catalogue-level"
              label={t('catalogue.level')}
              value={query.level}
              options={[all, ...LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))]}
              onChange={select('level')}
            />
            <SelectField
              id="catalogue-onlineLevel"
              label={t('catalogue.onlineLevel')}
              value={query.onlineLevel}
              options={[
                all,
                ...ONLINE_LEVELS.map((l) => ({ value: l, label: t(`onlineLevel.${l}`) })),
              ]}
              onChange={select('onlineLevel')}
            />
          </div>
          {filtered ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onChange({ q, field: '', agency: '', level: '', onlineLevel: '' })}
            >
              {t('catalogue.clear')}
            </button>
          ) : null}
        </details>
      </form>
    </search>
  );
}
