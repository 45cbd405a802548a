// The leaders' dashboard (Trung tâm điều hành, IOC) for one unit subtree: live tiles, lists
// and charts, kept current by the indicators' SSE stream; a wall mode (?wall=1) for the
// operations room shows one group of panels at a time, rotating, on a dark high-contrast
// screen over the whole window (no navigation), with a pause button (WCAG 2.2.2).
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useIndicatorStream } from '../hooks/use-indicator-stream.ts';
import type { ScopeUnits } from '../hooks/use-scope-units.ts';
import { useThrottledValue } from '../hooks/use-throttled-value.ts';
import { shouldAnnounce } from '../lib/live.ts';
import { currentPeriods } from '../lib/period.ts';
import { changedTileTitles } from '../lib/tiles.ts';
import { DeadlineLists } from './DeadlineLists.tsx';
import { LiveTiles } from './LiveTiles.tsx';
import { OverdueDocuments } from './OverdueDocuments.tsx';
import { Index766Panel, RankingPanel } from './RankingPanels.tsx';
import { TargetsPanel } from './TargetsPanel.tsx';
import { ChannelSharePanel, OnTimeTrendPanel } from './TrendPanels.tsx';
import { UnitPicker } from './UnitPicker.tsx';
import { ReportsMapPanel, TasksStatusPanel } from './WorkPanels.tsx';

const ROTATE_MS = 20_000;
/** With the stream down, refresh the tiles this often instead. */
const POLL_MS = 30_000;

export interface DashboardProps {
  scope: ScopeUnits;
  unit: string;
  onUnit: (code: string) => void;
  wall: boolean;
  /** The URL that leaves (or enters) wall mode. */
  wallToggleHref: string;
}

export function Dashboard({ scope, unit, onUnit, wall, wallToggleHref }: DashboardProps) {
  const t = useT();
  const [periods, setPeriods] = useState(() => currentPeriods());
  const [live, dispatch] = useIndicatorStream(unit, periods.year);
  const [poll, setPoll] = useState(0);
  // Tiles and lists refetch at most every second; the heavier panels (map, ranking, tasks)
  // every 15 seconds while events keep coming.
  const refresh = useThrottledValue(live.version + poll, 1000);
  const slowRefresh = useThrottledValue(live.version + poll, 15_000);
  // The dossier list filters one unit exactly; at the top of the user's scope, all of it.
  const dossierUnit = scope.roots.includes(unit) ? undefined : unit;

  // A new day (or month) while the wall screen stays on all night.
  useEffect(() => {
    const id = setInterval(() => {
      const now = currentPeriods();
      setPeriods((p) => (p.day === now.day ? p : now));
    }, 60_000);
    return () => clearInterval(id);
  }, []);

  useEffect(() => {
    if (live.status === 'open') return;
    const id = setInterval(() => setPoll((n) => n + 1), POLL_MS);
    return () => clearInterval(id);
  }, [live.status]);

  // Changed tiles, announced politely and at most every 30 s.
  const [announcement, setAnnouncement] = useState('');
  const lastAnnounced = useRef<number | null>(null);
  useEffect(() => {
    if (live.pending.length === 0) return;
    const announce = () => {
      const names = changedTileTitles(live.pending, t);
      if (names.length > 0) {
        setAnnouncement(t('ioc.live.updated', { names: names.join(', ') }));
        lastAnnounced.current = Date.now();
      }
      dispatch({ type: 'announced' });
    };
    if (shouldAnnounce(lastAnnounced.current, Date.now())) {
      announce();
      return;
    }
    const wait = (lastAnnounced.current ?? 0) + 30_000 - Date.now();
    const id = setTimeout(announce, Math.max(0, wait));
    return () => clearTimeout(id);
  }, [live.pending, t, dispatch]);

  const slides: { key: string; title: string; content: ReactNode }[] = [
    {
      key: 'now',
      title: t('ioc.slide.now'),
      content: (
        <>
          <LiveTiles
            unit={unit}
            dossierUnit={dossierUnit}
            periods={periods}
            live={live}
            dispatch={dispatch}
            refresh={refresh}
          />
          <DeadlineLists dossierUnit={dossierUnit} refresh={refresh} />
          <OverdueDocuments documentUnit={dossierUnit} refresh={refresh} />
        </>
      ),
    },
    {
      key: 'dossiers',
      title: t('ioc.slide.dossiers'),
      content: (
        <div className="ioc-grid">
          <OnTimeTrendPanel unit={unit} year={periods.year} dark={wall} />
          <ChannelSharePanel unit={unit} month={periods.month} refresh={refresh} dark={wall} />
        </div>
      ),
    },
    {
      key: 'units',
      title: t('ioc.slide.units'),
      content: (
        <div className="ioc-grid">
          <RankingPanel
            unit={unit}
            year={periods.year}
            nameOf={scope.nameOf}
            onUnit={onUnit}
            refresh={slowRefresh}
            dark={wall}
          />
          <Index766Panel unit={unit} year={periods.year} dark={wall} />
        </div>
      ),
    },
    {
      key: 'plan',
      title: t('ioc.slide.plan'),
      content: (
        <div className="ioc-grid">
          <TargetsPanel unit={unit} year={periods.year} />
          <TasksStatusPanel unit={unit} refresh={slowRefresh} dark={wall} />
        </div>
      ),
    },
    {
      key: 'reports',
      title: t('ioc.slide.reports'),
      content: <ReportsMapPanel unit={unit} refresh={slowRefresh} />,
    },
  ];

  const [slide, setSlide] = useState(0);
  const [paused, setPaused] = useState(false);
  const next = useCallback(() => setSlide((s) => (s + 1) % slides.length), [slides.length]);
  useEffect(() => {
    if (!wall || paused) return;
    const id = setInterval(next, ROTATE_MS);
    return () => clearInterval(id);
  }, [wall, paused, next]);

  const statusText =
    live.status === 'open'
      ? t('ioc.live.open')
      : live.status === 'connecting'
        ? t('ioc.live.connecting')
        : t('ioc.live.reconnecting');

  const head = (
    <div className="ioc-head">
      <h1 className="page__title">
        {t('ioc.title')} — {scope.nameOf(unit)}
      </h1>
      <div className="ioc-head__tools">
        {wall ? null : <UnitPicker scope={scope} value={unit} onChange={onUnit} />}
        <p className={`ioc-live ioc-live--${live.status}`} data-testid="live-status">
          <span aria-hidden="true">●</span> {statusText}
        </p>
        <Link className="button button--secondary button--small" to={wallToggleHref}>
          {wall ? t('ioc.wall.leave') : t('ioc.wall.enter')}
        </Link>
      </div>
    </div>
  );
  const region = (
    <div className="visually-hidden" aria-live="polite" data-testid="live-announcer">
      {announcement}
    </div>
  );

  if (wall) {
    const current = slides[slide % slides.length];
    return (
      <div className="ioc-wall" data-testid="ioc-wall">
        {head}
        <div className="ioc-wall__controls">
          <button
            type="button"
            className="button button--small"
            onClick={() => setPaused((p) => !p)}
          >
            {paused ? t('ioc.wall.play') : t('ioc.wall.pause')}
          </button>{' '}
          <button type="button" className="button button--small" onClick={next}>
            {t('ioc.wall.next')}
          </button>{' '}
          <span>
            {current?.title} ({(slide % slides.length) + 1}/{slides.length})
          </span>
        </div>
        <div className="ioc-wall__slide">{current?.content}</div>
        {region}
      </div>
    );
  }
  return (
    <div className="page page--wide ioc">
      {head}
      {region}
      {slides.map((s) => (
        <div key={s.key} className="ioc-slide">
          {s.content}
        </div>
      ))}
    </div>
  );
}
