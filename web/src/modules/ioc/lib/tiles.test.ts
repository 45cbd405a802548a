import { describe, expect, it } from 'vitest';
import { changedTileTitles } from './tiles.ts';

describe('changedTileTitles', () => {
  it('names each changed tile once (channel counts belong to the received tiles)', () => {
    const names = changedTileTitles(
      ['dossiers.on_time', 'dossiers.received_online', 'dossiers.received', 'reports.open'],
      (key) => key,
    );
    expect(names).toEqual(['ioc.tile.onTime', 'ioc.tile.today', 'ioc.tile.month']);
  });
});
