import { describe, expect, it } from 'vitest';
import type { Role, User } from '../modules/identity/api/identity.types.ts';
import { menuGroupsFor, topLinksFor } from './nav-groups.ts';
import { PATHS, PLAN_AREAS } from './nav-items.ts';

const WARD = '30280';
const user = (...grants: [Role, string | null][]): User => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'x',
  fullName: 'X',
  email: null,
  kind: grants.some(([r]) => r === 'citizen') ? 'citizen' : 'staff',
  disabled: false,
  roles: grants.map(([role, unitCode]) => ({ role, unitCode: unitCode as string })),
});
const shape = (u: User) =>
  Object.fromEntries(menuGroupsFor(u).map((g) => [g.key, g.items.map((i) => i.to)]));

describe('menuGroupsFor', () => {
  it('shows a desk officer the one-stop shop, field reports and tasks — no administration', () => {
    expect(shape(user(['desk_officer', WARD]))).toEqual({
      oneStop: ['/ho-so', '/ho-so/tiep-nhan', '/ho-so/kien-nghi', '/ho-so/thu-phi'],
      fieldReports: [PATHS.reportQueue, PATHS.reportStats, PATHS.reports],
      documents: [PATHS.documents, PATHS.documentDraft, PATHS.workFiles, PATHS.signatureVerify],
      plan: [PATHS.tasks],
    });
  });

  it('shows the documents group in the area order, the registration desk to the clerk only', () => {
    expect(menuGroupsFor(user(['secretariat', WARD])).map((g) => g.key)).toEqual([
      'oneStop',
      'fieldReports',
      'documents',
      'plan',
    ]);
    expect(shape(user(['secretariat', WARD])).documents).toEqual([
      PATHS.documents,
      PATHS.documentRegister,
      PATHS.documentDraft,
      PATHS.workFiles,
      PATHS.signatureImages,
      PATHS.signatureVerify,
    ]);
    // A leader also sets the unit's approval flows.
    expect(shape(user(['leader', WARD])).documents).toEqual([
      PATHS.documents,
      PATHS.documentDraft,
      PATHS.workFiles,
      PATHS.reviewFlows,
      PATHS.signatureImages,
      PATHS.signatureVerify,
    ]);
    // A unit administrator reads the unit's documents and sets its approval flows, drafts none.
    expect(shape(user(['admin', WARD])).documents).toEqual([
      PATHS.documents,
      PATHS.reviewFlows,
      PATHS.signatureImages,
      PATHS.signatureVerify,
    ]);
  });

  it('shows a leader the unit queue and the dashboard and plans', () => {
    const groups = shape(user(['leader', WARD]));
    expect(groups.oneStop).toEqual(['/ho-so', '/ho-so/don-vi', '/ho-so/kien-nghi']);
    expect(groups.plan).toEqual([PATHS.dashboard, PATHS.plans, PATHS.tasks, PATHS.indicatorEntry]);
    expect(groups.admin).toBeUndefined();
  });

  it('shows the secretariat the plan area first-hand and no desk pages', () => {
    const groups = shape(user(['secretariat', WARD]));
    expect(groups.plan).toEqual([PATHS.dashboard, PATHS.plans, PATHS.tasks, PATHS.indicatorEntry]);
    expect(groups.oneStop).toEqual(['/ho-so']);
  });

  it('shows a unit administrator only the admin pages a unit scope opens', () => {
    const groups = shape(user(['admin', WARD]));
    expect(groups.admin).toEqual([
      PATHS.units,
      PATHS.procedures,
      PATHS.calendar,
      PATHS.reportAdmin,
    ]);
  });

  it('shows the system administrator every admin page', () => {
    expect(shape(user(['admin', null])).admin).toEqual([
      PATHS.units,
      PATHS.accounts,
      PATHS.procedures,
      PATHS.calendar,
      PATHS.reportAdmin,
      PATHS.open311,
    ]);
  });

  it('drops a group with nothing to open, and gives citizens and nobody no groups', () => {
    const saved = PLAN_AREAS.splice(0, PLAN_AREAS.length);
    try {
      expect(shape(user(['desk_officer', WARD])).plan).toBeUndefined();
    } finally {
      PLAN_AREAS.push(...saved);
    }
    expect(menuGroupsFor(user(['citizen', null]))).toEqual([]);
    expect(menuGroupsFor(null)).toEqual([]);
  });
});

describe('topLinksFor', () => {
  it('gives "my work" to those with a queue and home to administrators', () => {
    expect(topLinksFor(user(['specialist', WARD])).map((l) => l.to)).toEqual([PATHS.myWork]);
    expect(topLinksFor(user(['secretariat', WARD]))).toEqual([]);
    expect(topLinksFor(user(['admin', null])).map((l) => l.to)).toEqual([PATHS.home]);
  });
});
