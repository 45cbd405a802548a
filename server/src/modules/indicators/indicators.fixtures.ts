// Fixture facts for the indicator tests, with the answers computed by hand in
// indicators.library.test.ts. Ward A = 30280 (Mỹ Bình), ward B = 30283 (Mỹ Long), both in
// city 883 (server/src/demo.ts). Keys as platform/facts/fact-kinds.ts defines them.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { type FactKind, publishFact } from '../../platform/facts/index.js';

export const WARD_A = '30280';
export const WARD_B = '30283';
export const CITY = '883';

const base = {
  procedureCode: '1.001',
  onlineLevel: 'full',
  handlingUnitCode: WARD_A,
  feesDue: 0,
  feeBearing: false,
  digitised: false,
  formFields: 0,
  prefilledFields: 0,
};

export const FIXTURE: {
  kind: FactKind;
  id: string;
  unit: string;
  data: Record<string, unknown>;
}[] = [
  // Dossiers (hồ sơ)
  {
    kind: 'dossier',
    id: 'd1',
    unit: WARD_A,
    data: {
      ...base,
      channel: 'direct',
      receivedOn: '2026-03-02',
      status: 'returned',
      finishedOn: '2026-03-05',
      outcome: 'on_time',
      onTime: true,
      endState: 'processed',
      digitised: true,
      feesDue: 50000,
      feeBearing: true,
      paid: true,
      paidOnline: true,
      paidOn: '2026-03-02',
      returnedOn: '2026-03-06',
      resultElectronic: true,
    },
  },
  {
    kind: 'dossier',
    id: 'd2',
    unit: WARD_A,
    data: {
      ...base,
      channel: 'online',
      receivedOn: '2026-03-03',
      status: 'processed',
      finishedOn: '2026-03-20',
      outcome: 'late',
      onTime: false,
      endState: 'processed',
      feesDue: 20000,
      feeBearing: true,
      paid: true,
      paidOnline: false,
      formFields: 10,
      prefilledFields: 4,
    },
  },
  {
    kind: 'dossier',
    id: 'd3',
    unit: WARD_A,
    data: {
      ...base,
      channel: 'online',
      receivedOn: '2026-03-10',
      status: 'in_progress',
      finishedOn: null,
      digitised: true,
      formFields: 10,
      prefilledFields: 6,
    },
  },
  {
    kind: 'dossier',
    id: 'd4',
    unit: WARD_A,
    data: { ...base, channel: 'postal', receivedOn: '2026-03-15', status: 'refused' },
  },
  {
    kind: 'dossier',
    id: 'd5',
    unit: WARD_B,
    data: {
      ...base,
      channel: 'online',
      receivedOn: '2026-03-04',
      status: 'returned',
      finishedOn: '2026-03-08',
      onTime: true,
      returnedOn: '2026-03-09',
      resultElectronic: false,
      digitised: true,
      feesDue: 10000,
      feeBearing: true,
      paidOnline: true,
      formFields: 5,
      prefilledFields: 0,
    },
  },
  {
    kind: 'dossier',
    id: 'd6',
    unit: WARD_A,
    data: {
      ...base,
      channel: 'direct',
      receivedOn: '2026-04-01',
      status: 'received',
      digitised: true,
    },
  },
  // Procedures offered (a stock)
  {
    kind: 'procedure_offer',
    id: `${WARD_A}:p1`,
    unit: WARD_A,
    data: { procedureCode: 'p1', onlineLevel: 'full', sinceOn: '2025-01-01' },
  },
  {
    kind: 'procedure_offer',
    id: `${WARD_A}:p2`,
    unit: WARD_A,
    data: { procedureCode: 'p2', onlineLevel: 'partial', sinceOn: '2026-02-01' },
  },
  {
    kind: 'procedure_offer',
    id: `${WARD_A}:p3`,
    unit: WARD_A,
    data: { procedureCode: 'p3', onlineLevel: 'none', sinceOn: '2026-03-15' },
  },
  // Field reports (phản ánh hiện trường)
  {
    kind: 'report',
    id: 'r1',
    unit: WARD_A,
    data: {
      categoryCode: 'lighting',
      channel: 'web',
      receivedOn: '2026-03-01',
      status: 'resolved',
      resolvedOn: '2026-03-03',
      onTime: true,
      reopenedCount: 0,
      reopened: false,
    },
  },
  {
    kind: 'report',
    id: 'r2',
    unit: WARD_A,
    data: {
      categoryCode: 'lighting',
      channel: 'app',
      receivedOn: '2026-03-02',
      status: 'closed',
      resolvedOn: '2026-03-12',
      onTime: false,
      reopenedCount: 1,
      reopened: false,
    },
  },
  {
    kind: 'report',
    id: 'r3',
    unit: WARD_A,
    data: {
      categoryCode: 'roads',
      channel: 'web',
      receivedOn: '2026-03-05',
      status: 'in_progress',
      resolvedOn: null,
      reopenedCount: 0,
      reopened: false,
    },
  },
  {
    kind: 'report',
    id: 'r4',
    unit: WARD_A,
    data: {
      categoryCode: 'roads',
      channel: 'hotline',
      receivedOn: '2026-03-06',
      status: 'new',
      reopenedCount: 0,
      reopened: false,
    },
  },
  // Petitions (phản ánh, kiến nghị)
  {
    kind: 'petition',
    id: 'p1',
    unit: WARD_A,
    data: { receivedOn: '2026-03-01', status: 'resolved', handledOn: '2026-03-10', onTime: true },
  },
  {
    kind: 'petition',
    id: 'p2',
    unit: WARD_A,
    data: { receivedOn: '2026-03-02', status: 'rejected', handledOn: '2026-03-11', onTime: true },
  },
  {
    kind: 'petition',
    id: 'p3',
    unit: WARD_A,
    data: { receivedOn: '2026-03-03', status: 'resolved', handledOn: '2026-03-12', onTime: false },
  },
  {
    kind: 'petition',
    id: 'p4',
    unit: WARD_A,
    data: { receivedOn: '2026-03-04', status: 'received', handledOn: null, onTime: null },
  },
  // Ratings (đánh giá)
  {
    kind: 'rating',
    id: 'g1',
    unit: WARD_A,
    data: { ratedOn: '2026-03-07', about: 'dossier', score: 5, satisfied: true },
  },
  {
    kind: 'rating',
    id: 'g2',
    unit: WARD_A,
    data: { ratedOn: '2026-03-08', about: 'dossier', score: 4, satisfied: true },
  },
  {
    kind: 'rating',
    id: 'g3',
    unit: WARD_A,
    data: { ratedOn: '2026-03-09', about: 'report', score: 2, satisfied: false },
  },
  {
    kind: 'rating',
    id: 'g4',
    unit: WARD_B,
    data: { ratedOn: '2026-03-09', about: 'dossier', score: 5, satisfied: true },
  },
  // Tasks (nhiệm vụ)
  {
    kind: 'task',
    id: 't1',
    unit: WARD_A,
    data: {
      assignedByUnitCode: CITY,
      status: 'done',
      createdOn: '2026-03-01',
      deadlineOn: '2026-03-15',
      doneOn: '2026-03-10',
      onTime: true,
      sourceType: 'document',
    },
  },
  {
    kind: 'task',
    id: 't2',
    unit: WARD_A,
    data: {
      assignedByUnitCode: CITY,
      status: 'done',
      createdOn: '2026-03-02',
      deadlineOn: '2026-03-15',
      doneOn: '2026-03-20',
      onTime: false,
      sourceType: 'document',
    },
  },
  {
    kind: 'task',
    id: 't3',
    unit: WARD_A,
    data: {
      assignedByUnitCode: CITY,
      status: 'in_progress',
      createdOn: '2026-03-03',
      deadlineOn: null,
    },
  },
  // Official documents (văn bản, issue 13)
  {
    kind: 'document',
    id: 'doc1',
    unit: WARD_A,
    data: {
      direction: 'incoming',
      confidential: false,
      communeLevel: true,
      exchangedOn: '2026-03-02',
      electronic: true,
      handledOnline: true,
      status: 'done',
      deadlineOn: '2026-03-10',
      doneOn: '2026-03-09',
      onTime: true,
    },
  },
  {
    kind: 'document',
    id: 'doc2',
    unit: WARD_A,
    data: {
      direction: 'incoming',
      confidential: false,
      communeLevel: true,
      exchangedOn: '2026-03-03',
      electronic: false,
      handledOnline: true,
      status: 'done',
      deadlineOn: '2026-03-05',
      doneOn: '2026-03-06',
      onTime: false,
    },
  },
  {
    kind: 'document',
    id: 'doc3',
    unit: WARD_A,
    data: { direction: 'incoming', confidential: true, communeLevel: true, status: 'registered' },
  },
  {
    kind: 'document',
    id: 'doc4',
    unit: WARD_A,
    data: {
      direction: 'outgoing',
      confidential: false,
      communeLevel: true,
      exchangedOn: '2026-03-04',
      electronic: true,
      signedDigitally: true,
      handledOnline: true,
      status: 'issued',
    },
  },
  {
    kind: 'document',
    id: 'doc5',
    unit: CITY,
    data: {
      direction: 'outgoing',
      confidential: false,
      communeLevel: false,
      exchangedOn: '2026-03-05',
      electronic: true,
      signedDigitally: true,
      handledOnline: true,
      status: 'issued',
    },
  },
  {
    kind: 'document',
    id: 'doc6',
    unit: CITY,
    data: {
      direction: 'incoming',
      confidential: false,
      communeLevel: false,
      exchangedOn: '2026-03-06',
      electronic: false,
      handledOnline: false,
      status: 'registered',
    },
  },
  // Work files (hồ sơ công việc, issue 13): counted on the day they were closed.
  {
    kind: 'work_file',
    id: 'wf1',
    unit: WARD_A,
    data: {
      status: 'closed',
      communeLevel: true,
      openedOn: '2026-02-20',
      closedOn: '2026-03-09',
      documentCount: 3,
    },
  },
  {
    kind: 'work_file',
    id: 'wf2',
    unit: WARD_A,
    data: {
      status: 'open',
      communeLevel: true,
      openedOn: '2026-03-02',
      closedOn: null,
      documentCount: 1,
    },
  },
  {
    kind: 'work_file',
    id: 'wf3',
    unit: CITY,
    data: {
      status: 'closed',
      communeLevel: false,
      openedOn: '2026-03-01',
      closedOn: '2026-04-01',
      documentCount: 2,
    },
  },
];

/** Publishes every fixture fact (one transaction each, as the publishing modules do). */
export async function publishFixture(db: Kysely<Database>): Promise<void> {
  for (const f of FIXTURE)
    await db
      .transaction()
      .execute((trx) =>
        publishFact(trx, { kind: f.kind, subjectId: f.id, unitCode: f.unit, data: f.data }),
      );
}
