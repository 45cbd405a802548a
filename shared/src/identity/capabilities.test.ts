import { describe, expect, it } from 'vitest';
import { capabilitiesOf, holdsCapability } from './capabilities.ts';

describe('administrative capabilities', () => {
  it('gives the system administrator every one', () => {
    expect(capabilitiesOf([{ role: 'admin', unitCode: null }])).toEqual([
      'units.manage',
      'accounts.manage',
      'procedures.manage',
      'procedures.synonyms',
      'calendar.overrides',
      'calendar.workingHours',
      'reports.categories',
      'reports.routing',
      'reports.templates',
      'open311.clients',
    ]);
  });

  it('gives a unit administrator only what works within a unit', () => {
    expect(capabilitiesOf([{ role: 'admin', unitCode: '883' }])).toEqual([
      'units.manage',
      'calendar.workingHours',
      'reports.routing',
    ]);
  });

  it('gives other staff and citizens none, wherever their role is held', () => {
    for (const role of ['desk_officer', 'specialist', 'leader', 'secretariat'] as const) {
      expect(capabilitiesOf([{ role, unitCode: '30280' }])).toEqual([]);
      expect(capabilitiesOf([{ role, unitCode: null }])).toEqual([]);
    }
    expect(capabilitiesOf([{ role: 'citizen', unitCode: null }])).toEqual([]);
    expect(holdsCapability([], 'units.manage')).toBe(false);
  });

  it('adds up several grants', () => {
    expect(
      capabilitiesOf([
        { role: 'leader', unitCode: '30280' },
        { role: 'admin', unitCode: '30280' },
      ]),
    ).toEqual(['units.manage', 'calendar.workingHours', 'reports.routing']);
  });
});
