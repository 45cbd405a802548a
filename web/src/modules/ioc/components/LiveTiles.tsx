// The live tiles. Loaded from the values endpoint, then kept current by the SSE stream: a
// pushed value shows at once, and the tile refetches its numerator/denominator (the stream
// carries only the value). Each number links to the records behind it.
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { getIndicatorValue } from '../api/ioc.api.ts';
import type { IndicatorValue } from '../api/ioc.types.ts';
import { type LiveAction, type LiveState, liveKey } from '../lib/live.ts';
import { type CurrentPeriods, formatNumber, formatRate, periodRange } from '../lib/period.ts';
import { CHANNELS, channelIndicator, TILES, type TileDef } from '../lib/tiles.ts';

interface TileData {
  main: IndicatorValue | null;
  channels: Partial<Record<(typeof CHANNELS)[number], number | null>>;
  failed: boolean;
}

async function loadTile(def: TileDef, unit: string, period: string, signal: AbortSignal) {
  const [main, ...channels] = await Promise.allSettled([
    getIndicatorValue(def.indicator, unit, period, { signal }),
    ...(def.channels
      ? CHANNELS.map((c) => getIndicatorValue(channelIndicator(c), unit, period, { signal }))
      : []),
  ]);
  const data: TileData = {
    main: main?.status === 'fulfilled' ? main.value : null,
    channels: {},
    failed: main?.status !== 'fulfilled',
  };
  channels.forEach((r, i) => {
    const c = CHANNELS[i];
    if (c) data.channels[c] = r.status === 'fulfilled' ? r.value.value : null;
  });
  return data;
}

/** The records behind a tile: the unit's dossier list filtered by the tile's period. */

/** The line under a rate tile: its numerator and denominator in words. */
const DETAIL: Partial<Record<TileDef['id'], MessageKey>> = {
  onTime: 'ioc.tile.onTimeDetail',
  online: 'ioc.tile.onlineDetail',
  documentsOnTime: 'ioc.tile.documentsOnTimeDetail',
};

export function recordsLink(dossierUnit: string | undefined, period: string, extra = ''): string {
  const range = periodRange(period);
  const q = new URLSearchParams();
  if (dossierUnit) q.set('unit', dossierUnit);
  if (range) {
    q.set('from', range.from);
    q.set('to', range.to);
  }
  return `/ho-so/don-vi?${q.toString()}${extra}`;
}

function Tile({
  def,
  unit,
  dossierUnit,
  periods,
  live,
  dispatch,
  refresh,
}: {
  def: TileDef;
  unit: string;
  dossierUnit: string | undefined;
  periods: CurrentPeriods;
  live: LiveState;
  dispatch: (action: LiveAction) => void;
  refresh: number;
}) {
  const t = useT();
  const period = periods[def.period];
  const state = useAsync((signal) => loadTile(def, unit, period, signal), [unit, period, refresh]);
  const key = liveKey(def.indicator, unit, period);
  const loaded = state.data?.main;
  // A fresh load is the newest value: it replaces what an earlier event said.
  useEffect(() => {
    if (loaded)
      dispatch({
        type: 'seed',
        values: [{ indicator: def.indicator, unit, period, value: loaded.value }],
      });
  }, [loaded, def.indicator, unit, period, dispatch]);
  const value = key in live.values ? live.values[key] : loaded?.value;
  const shown = def.rate ? formatRate(value) : formatNumber(value);
  const headingId = `tile-${def.id}`;
  // The records behind the number: the on-time rate counts dossiers by their finishing day
  // (dossiers.on_time), the other tiles by reception.
  const link =
    def.id === 'pending'
      ? `/ho-so/don-vi${dossierUnit ? `?unit=${encodeURIComponent(dossierUnit)}` : ''}`
      : def.id === 'documentsOnTime'
        ? '/van-ban?box=incoming'
        : recordsLink(dossierUnit, period, def.id === 'onTime' ? '&dates=finished' : '');
  return (
    <article className="ioc-tile" aria-labelledby={headingId} data-tile={def.id}>
      <h3 id={headingId} className="ioc-tile__title">
        {t(def.title)}
      </h3>
      {state.data?.failed && value === undefined ? (
        <p className="ioc-tile__nodata">{t('ioc.tile.noData')}</p>
      ) : state.loading && !state.data ? (
        <p className="ioc-tile__value ioc-tile__value--loading">…</p>
      ) : (
        <>
          <p className="ioc-tile__value" data-testid={`tile-${def.id}-value`}>
            <Link to={link} aria-label={t('ioc.tile.open', { title: t(def.title), value: shown })}>
              {shown}
            </Link>
          </p>
          {def.rate && loaded ? (
            <p className="ioc-tile__detail" data-testid={`tile-${def.id}-detail`}>
              {t(DETAIL[def.id] ?? 'ioc.tile.onlineDetail', {
                numerator: formatNumber(loaded.numerator),
                denominator: formatNumber(loaded.denominator),
              })}
            </p>
          ) : null}
          {def.channels && state.data ? (
            <ul className="ioc-tile__channels">
              {CHANNELS.map((c) => (
                <li key={c}>
                  {t(`ioc.channel.${c}`)}:{' '}
                  <Link to={recordsLink(dossierUnit, period, `&channel=${c}`)}>
                    <strong>{formatNumber(state.data?.channels[c])}</strong>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </article>
  );
}

/** The tiles of one unit; `refresh` moves when the stream says something changed. */
export function LiveTiles(props: {
  unit: string;
  dossierUnit: string | undefined;
  periods: CurrentPeriods;
  live: LiveState;
  dispatch: (action: LiveAction) => void;
  refresh: number;
}) {
  const t = useT();
  return (
    <section className="ioc-tiles-section" aria-labelledby="ioc-tiles-title">
      <h2 id="ioc-tiles-title" className="ioc-panel__title">
        {t('ioc.tiles.title')}
      </h2>
      <div className="ioc-tiles">
        {TILES.map((def) => (
          <Tile key={def.id} def={def} {...props} />
        ))}
      </div>
    </section>
  );
}
