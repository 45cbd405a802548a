import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '../api/dossier.types.ts';
import { handlingUnitOf } from './handling-unit.ts';

const event = (action: string, payload: Record<string, unknown> | null): DossierEvent => ({
  seq: 1,
  at: '2026-11-23T03:00:00Z',
  action,
  fromStatus: null,
  toStatus: 'in_progress',
  actorName: 'x',
  unitCode: '30280',
  reason: null,
  payload,
});

describe('handlingUnitOf', () => {
  it('is the receiving unit until a forward sends it elsewhere; other actions do not move it', () => {
    expect(handlingUnitOf({ unitCode: '30280', events: [event('receive', null)] })).toBe('30280');
    expect(
      handlingUnitOf({
        unitCode: '30280',
        events: [
          event('receive', null),
          event('assign', { unitCode: '30280' }),
          event('forward', { unitCode: '883' }),
          event('request_completion', { unitCode: '30280' }),
        ],
      }),
    ).toBe('883');
  });
});
