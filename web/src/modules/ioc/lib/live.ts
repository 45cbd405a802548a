// The dashboard's live state: indicator values pushed by the server-sent events of
// GET /api/v1/indicators/stream (`{indicator, unit, period, value}`), folded by a pure reducer
// so the tiles change without a reload, and the rules for announcing changes sparingly to
// screen readers (an aria-live "polite" region, not one message per event).

/** One message of the stream. */
export interface StreamEvent {
  indicator: string;
  unit: string;
  period: string;
  value: number | null;
}

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

export interface LiveState {
  /** Values by liveKey(). */
  values: Readonly<Record<string, number | null>>;
  /** Bumped on every change of a value; tiles refetch their detail when it moves. */
  version: number;
  status: LiveStatus;
  /** Indicator codes changed since the last announcement (each once, in arrival order). */
  pending: readonly string[];
}

export type LiveAction =
  | { type: 'seed'; values: readonly StreamEvent[] }
  | { type: 'event'; event: StreamEvent }
  | { type: 'status'; status: LiveStatus }
  | { type: 'announced' };

export const INITIAL_LIVE: LiveState = {
  values: {},
  version: 0,
  status: 'connecting',
  pending: [],
};

/** The key of one value: indicator, unit and period. */
export function liveKey(indicator: string, unit: string, period: string): string {
  return `${indicator}|${unit}|${period}`;
}

/** Parses one SSE `data:` payload; null for anything that is not a well-formed event. */
export function parseStreamEvent(data: string): StreamEvent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const { indicator, unit, period, value } = r;
  if (typeof indicator !== 'string' || typeof unit !== 'string' || typeof period !== 'string')
    return null;
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) return null;
  return { indicator, unit, period, value };
}

/** Folds one action into the state (a new object only when something changed). */
export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'seed': {
      // Values loaded by the pages' own requests: known, but not news to announce.
      const values = { ...state.values };
      let changed = false;
      for (const v of action.values) {
        const key = liveKey(v.indicator, v.unit, v.period);
        if (values[key] !== v.value) {
          values[key] = v.value;
          changed = true;
        }
      }
      return changed ? { ...state, values } : state;
    }
    case 'event': {
      const { indicator, unit, period, value } = action.event;
      const key = liveKey(indicator, unit, period);
      if (key in state.values && state.values[key] === value) return state;
      return {
        ...state,
        values: { ...state.values, [key]: value },
        version: state.version + 1,
        pending: state.pending.includes(indicator) ? state.pending : [...state.pending, indicator],
      };
    }
    case 'status':
      return state.status === action.status ? state : { ...state, status: action.status };
    case 'announced':
      return state.pending.length === 0 ? state : { ...state, pending: [] };
  }
}

/** At most one announcement per `gapMs` (30 s by default): a busy office is not read aloud. */
export function shouldAnnounce(lastAt: number | null, now: number, gapMs = 30_000): boolean {
  return lastAt === null || now - lastAt >= gapMs;
}

/** Wait before reconnect attempt `n` (0-based): 1 s, 2 s, 4 s … at most 30 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}
