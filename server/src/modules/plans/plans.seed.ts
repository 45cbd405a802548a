import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanDocument, PlanSectionCode, PlanTargetInput } from '@cqs/shared/plans/index';

// The seed plans (server/assets/seed-plans, see its SOURCE.md) as plan documents, as written.
// What is added here is listed per seed: indicator links, scopes and stretch folds.

export const SEED_PLANS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../assets/seed-plans',
);

/** The seed-plans JSON (its README), the keys the plan document takes. */
interface SeedFile {
  seed: string;
  title: string;
  issuer: string | null;
  year: number;
  targets: {
    section: string;
    pillar: string;
    text: string;
    comparator: '>=' | '<=' | '=';
    value: number;
    unit: string;
    wording: string | null;
    computableFromSystem: boolean;
    note: string | null;
  }[];
  tasks: {
    no: string | null;
    group: string | null;
    name: string;
    content: string | null;
    lead: string[] | null;
    support: string[] | null;
    kind: 'Mới' | 'Chuyển tiếp' | null;
    deadline: string | null;
  }[];
  budget: {
    no: string | null;
    name: string;
    executor: string | null;
    period: string | null;
    total: number | null;
    central: number | null;
    local: number | null;
    currencyNote: string | null;
  }[];
}

export interface SeedSpec {
  file: string;
  unitCode: string;
  /** Targets to take: those whose heading path starts with this (null: all). */
  targetSection: string | null;
  /** Target index (in the seed file) → indicator code, where the meaning matches. */
  indicators: Record<number, string>;
  /** Target index → the part the value is for, in the sentence's own words. */
  scopes: Record<number, string>;
  /** Stretch target index → index of the target it stretches ("…, phấn đấu …"). */
  stretch: Record<number, number>;
}

/*
 * Indicator links, by the seed-plans notes (the extractor's English gloss of each target):
 *  - procedures.full_online: share of eligible procedures offered fully online (003 #0, 004 #3);
 *  - dossiers.online: share of dossiers submitted online (002 #10, 003 #9, 004 #9 with its
 *    stretch 100%);
 *  - payments.online: share of fee payments made online (002 #12, 004 #5);
 *  - dossiers.result_electronic: results returned electronically (002 #13);
 *  - dossiers.digitised: dossiers and results digitised (004 #8);
 *  - portal.prefilled: citizen data filled in automatically, the once-only principle (003 #1);
 *  - satisfaction: satisfaction with digital services (003 #7);
 *  - reports.on_time: field reports handled on time (004 #18);
 *  - documents.electronic: documents exchanged electronically (003 #4);
 *  - documents.online_upper / documents.online_commune: documents and work files handled
 *    online at the city's bodies / at commune level (002 #2 / #3, 003 #12 / #13) — issue 13.
 * Left null on purpose: 002 #0 (any online level, not "fully"), 002 #1 (a floor per service,
 * not an overall share), 004 #6 (a share of procedures, not of payments), and every target the
 * platform does not record (inter-agency reporting, population statistics…).
 */
export const SEED_SPECS: SeedSpec[] = [
  {
    file: '002_dc9a4c4105ad1bd8.json',
    unitCode: '450',
    targetSection: null,
    indicators: {
      2: 'documents.online_upper',
      3: 'documents.online_commune',
      10: 'dossiers.online',
      12: 'payments.online',
      13: 'dossiers.result_electronic',
    },
    scopes: { 2: 'cơ quan UBND thành phố', 3: 'cấp xã' },
    stretch: {},
  },
  {
    file: '003_d8b721c987cbb105.json',
    unitCode: '883',
    // The city's own targets: §III MỤC TIÊU (the brief's "seed 003 §III").
    targetSection: 'Phần II > III. MỤC TIÊU',
    indicators: {
      0: 'procedures.full_online',
      1: 'portal.prefilled',
      4: 'documents.electronic',
      7: 'satisfaction',
      9: 'dossiers.online',
      12: 'documents.online_upper',
      13: 'documents.online_commune',
    },
    scopes: { 12: 'cấp thành phố', 13: 'cấp xã' },
    stretch: {},
  },
  {
    file: '004_5976f59e7e536721.json',
    unitCode: '26668',
    targetSection: null,
    indicators: {
      3: 'procedures.full_online',
      5: 'payments.online',
      8: 'dossiers.digitised',
      9: 'dossiers.online',
      18: 'reports.on_time',
    },
    scopes: {},
    stretch: { 10: 9, 32: 31, 38: 37 },
  },
];

const PILLARS: Record<string, PlanSectionCode> = {
  'nhận thức số': 'nhan_thuc_so',
  'thể chế số': 'the_che_so',
  'hạ tầng số': 'ha_tang_so',
  'nhân lực số': 'nhan_luc_so',
  'dữ liệu số': 'du_lieu_so',
  'nền tảng số': 'nen_tang_so',
  'chính quyền số': 'chinh_quyen_so',
  'kinh tế số': 'kinh_te_so',
  'xã hội số': 'xa_hoi_so',
  'an toàn thông tin': 'an_toan_thong_tin',
  other: 'khac',
};

// Heading words → pillar, for tasks (their heading is all the seed gives). Seed 004 writes
// "Thẻ chế số", seed 003 "Chính phủ số" for the government pillar.
const HEADING_WORDS: [string, PlanSectionCode][] = [
  ['nhận thức số', 'nhan_thuc_so'],
  ['thể chế số', 'the_che_so'],
  ['thẻ chế số', 'the_che_so'],
  ['hạ tầng số', 'ha_tang_so'],
  ['nhân lực số', 'nhan_luc_so'],
  ['dữ liệu số', 'du_lieu_so'],
  ['nền tảng số', 'nen_tang_so'],
  ['chính quyền số', 'chinh_quyen_so'],
  ['chính phủ số', 'chinh_quyen_so'],
  ['kinh tế số', 'kinh_te_so'],
  ['xã hội số', 'xa_hoi_so'],
  ['an toàn thông tin', 'an_toan_thong_tin'],
];

/** The pillar of a heading path: the deepest heading naming one (its first named), else null. */
export function sectionOfHeading(group: string | null): PlanSectionCode | null {
  if (!group) return null;
  for (const part of group.split(' > ').reverse()) {
    const t = part.toLowerCase();
    let best: { at: number; code: PlanSectionCode } | null = null;
    for (const [w, code] of HEADING_WORDS) {
      const at = t.indexOf(w);
      if (at >= 0 && (best === null || at < best.at)) best = { at, code };
    }
    if (best) return best.code;
  }
  return null;
}

/** A seed file as a plan document, by its spec. */
export function seedToDocument(seed: SeedFile, spec: SeedSpec): PlanDocument {
  const stretchOf = new Map(Object.entries(spec.stretch).map(([s, b]) => [b, Number(s)]));
  const folded = new Set(Object.keys(spec.stretch).map(Number));
  const targets: PlanTargetInput[] = [];
  seed.targets.forEach((t, i) => {
    if (folded.has(i)) return;
    if (spec.targetSection && !t.section.startsWith(spec.targetSection)) return;
    const s = stretchOf.has(i) ? seed.targets[stretchOf.get(i)!]! : null;
    const pillar = PILLARS[t.pillar];
    if (!pillar) throw new Error(`${seed.seed} target ${i}: unknown pillar "${t.pillar}"`);
    targets.push({
      sectionCode: pillar,
      section: t.section,
      text: t.text,
      scope: spec.scopes[i] ?? null,
      indicatorCode: spec.indicators[i] ?? null,
      comparator: t.comparator,
      targetValue: t.value,
      stretchValue: s ? s.value : null,
      stretchText: s && s.text !== t.text ? s.text : null,
      baseline: null,
      unitOfMeasure: t.unit,
      wording: t.wording,
      computable: t.computableFromSystem,
      note: t.note,
      assignments: [],
    });
  });
  return {
    unitCode: spec.unitCode,
    year: seed.year,
    title: seed.title,
    issuer: seed.issuer,
    documentNumber: null,
    documentDate: null,
    status: 'issued',
    source: `seed-plans/${spec.file}`,
    targets,
    tasks: seed.tasks.map((k) => ({ ...k, sectionCode: sectionOfHeading(k.group) })),
    budget: seed.budget,
  };
}

/** The three demo plans as documents, read from server/assets/seed-plans. */
export async function seedDocuments(): Promise<PlanDocument[]> {
  const out: PlanDocument[] = [];
  for (const spec of SEED_SPECS) {
    const seed = JSON.parse(
      await fs.readFile(path.join(SEED_PLANS_DIR, spec.file), 'utf8'),
    ) as SeedFile;
    out.push(seedToDocument(seed, spec));
  }
  return out;
}
