import { describe, expect, it } from 'vitest';
import {
  INITIAL_LIVE,
  liveKey,
  liveReducer,
  parseStreamEvent,
  reconnectDelay,
  shouldAnnounce,
} from './live.ts';

const ev = (indicator: string, value: number | null) => ({
  indicator,
  unit: '30280',
  period: '2026',
  value,
});

describe('parseStreamEvent', () => {
  it('accepts the contract of issue 12 and nothing else', () => {
    expect(parseStreamEvent(JSON.stringify(ev('dossiers.on_time', 91.5)))).toEqual(
      ev('dossiers.on_time', 91.5),
    );
    expect(parseStreamEvent(JSON.stringify(ev('dossiers.on_time', null)))?.value).toBeNull();
    expect(parseStreamEvent('not json')).toBeNull();
    expect(parseStreamEvent('{"indicator":"x","unit":"1","period":"2026","value":"9"}')).toBeNull();
    expect(parseStreamEvent('{"indicator":"x","period":"2026","value":1}')).toBeNull();
    expect(parseStreamEvent('null')).toBeNull();
  });
});

describe('liveReducer', () => {
  it('applies a changed value, bumps the version and queues the indicator for announcement', () => {
    const s1 = liveReducer(INITIAL_LIVE, { type: 'event', event: ev('dossiers.on_time', 90) });
    expect(s1.values[liveKey('dossiers.on_time', '30280', '2026')]).toBe(90);
    expect(s1.version).toBe(1);
    expect(s1.pending).toEqual(['dossiers.on_time']);
    const s2 = liveReducer(s1, { type: 'event', event: ev('dossiers.on_time', 91) });
    expect(s2.version).toBe(2);
    expect(s2.pending).toEqual(['dossiers.on_time']);
  });

  it('ignores a repeated value (the same state object: no re-render, no announcement)', () => {
    const s1 = liveReducer(INITIAL_LIVE, { type: 'event', event: ev('dossiers.pending', 4) });
    expect(liveReducer(s1, { type: 'event', event: ev('dossiers.pending', 4) })).toBe(s1);
  });

  it('seeds values without announcing them, then announces only real changes', () => {
    const seeded = liveReducer(INITIAL_LIVE, {
      type: 'seed',
      values: [ev('dossiers.received', 7)],
    });
    expect(seeded.pending).toEqual([]);
    expect(seeded.version).toBe(0);
    expect(liveReducer(seeded, { type: 'event', event: ev('dossiers.received', 7) })).toBe(seeded);
    const moved = liveReducer(seeded, { type: 'event', event: ev('dossiers.received', 8) });
    expect(moved.pending).toEqual(['dossiers.received']);
    expect(liveReducer(moved, { type: 'announced' }).pending).toEqual([]);
  });

  it('tracks the connection status', () => {
    const s = liveReducer(INITIAL_LIVE, { type: 'status', status: 'open' });
    expect(s.status).toBe('open');
    expect(liveReducer(s, { type: 'status', status: 'open' })).toBe(s);
  });
});

describe('pacing', () => {
  it('announces at most once per 30 seconds', () => {
    expect(shouldAnnounce(null, 0)).toBe(true);
    expect(shouldAnnounce(1000, 20_000)).toBe(false);
    expect(shouldAnnounce(1000, 31_000)).toBe(true);
  });

  it('backs off reconnects from 1 s to at most 30 s', () => {
    expect([0, 1, 2, 5, 10].map(reconnectDelay)).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });
});
