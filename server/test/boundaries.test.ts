// The module boundary holds (style.md "Layers", "Boundaries"; issue 12): no module imports past
// another module's index.ts or a higher line (scripts/check-boundaries.mjs, also run by
// `npm run lint`), and no module's SQL names a table of another module (boundaries.scan.ts).
// Each check also runs on a planted violation, so a check that stopped seeing anything fails.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImports, sourceFiles } from '../../scripts/check-boundaries.mjs';
import { type SourceFile, sqlViolations, tableOwners, tablesNamed } from './boundaries.scan.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(repo, 'scripts/check-boundaries.mjs');

/** A planted world: dossiers owns `dossier`, payments owns `payment`, platform owns `fact`. */
const TABLES: SourceFile[] = [
  {
    path: 'server/src/modules/dossiers/dossiers.tables.ts',
    text: 'export interface DossiersTables {\n  dossier: DossierTable;\n  dossier_event: EventTable;\n}',
  },
  {
    path: 'server/src/modules/payments/payments.tables.ts',
    text: 'export interface PaymentsTables {\n  payment: PaymentTable;\n}',
  },
  {
    path: 'server/src/platform/db/platform.tables.ts',
    text: 'export interface PlatformTables {\n  fact: FactTable;\n  audit_log: AuditTable;\n}',
  },
];
const file = (p: string, text: string): SourceFile => ({ path: `server/src/modules/${p}`, text });

describe('SQL names only the module’s own tables', () => {
  it('holds for every module of the server', () => {
    const files = sourceFiles(repo, 'server/src');
    const owners = tableOwners(files);
    // The owners come from the *.tables.ts interfaces: a sample of each kind.
    expect(owners.get('dossier')).toBe('dossiers');
    expect(owners.get('payment')).toBe('payments');
    expect(owners.get('fact')).toBe('platform');
    expect(sqlViolations(files, owners)).toEqual([]);
  });

  it('fails on a planted Kysely call, sql template, join and platform table', () => {
    const owners = tableOwners(TABLES);
    const planted = [
      file(
        'payments/payments.repository.ts',
        [
          "// A comment saying 'from dossier' is not SQL.",
          "const a = db.selectFrom('payment').leftJoin('dossier as d', 'd.id', 'payment.dossier_id');",
          "const b = sql`select count(*) from ${sql.raw('x')} join dossier_event e on true`;",
          "const c = db.insertInto('fact').values({});",
          "const d = db.selectFrom('payment').selectAll();",
        ].join('\n'),
      ),
      // A module's own migration may insert facts for rows it already holds (backfill).
      file('payments/payments.migrations.ts', 'sql`insert into fact select 1 from payment`'),
      // Tests check effects where they land.
      file('payments/payments.api.test.ts', "db.selectFrom('dossier')"),
    ];
    expect(sqlViolations(planted, owners)).toEqual([
      'server/src/modules/payments/payments.repository.ts:2: names dossier, a table of dossiers',
      "server/src/modules/payments/payments.repository.ts:4: names the platform table fact — use the platform's function",
      'server/src/modules/payments/payments.repository.ts:3: names dossier_event, a table of dossiers',
    ]);
  });

  it('reads table names inside nested templates and skips those in strings and holes', () => {
    const named = tablesNamed(
      'sql`with x as (${cond ? sql`select * from dossier` : sql``}) update payment set a = 1`; const s = "from dossier_event";',
    ).map((t) => t.table);
    expect(named).toContain('dossier');
    expect(named).toContain('payment');
    expect(named).not.toContain('dossier_event');
  });
});

describe('imports go through index.ts and down the layers', () => {
  it('hold for every module of the server', () => {
    expect(checkImports(sourceFiles(repo, 'server/src'))).toEqual([]);
  });

  it('fail on a planted import past index.ts, upwards, in a cycle, from a test and from platform', () => {
    const problems = checkImports(
      [
        file(
          'payments/payments.service.ts',
          "import { x } from '../dossiers/dossiers.repository.js';",
        ),
        file('org/org.service.ts', "import type { y } from '../dossiers/index.js';"),
        file('reports/reports.service.ts', "export { z } from '../feedback/index.js';"),
        file('feedback/feedback.service.ts', "import { w } from '../reports/index.js';"),
        file('tasks/tasks.test.ts', "import { v } from '../plans/plans.repository.js';"),
        {
          path: 'server/src/platform/http/x.ts',
          text: "import { u } from '../../modules/org/index.js';",
        },
        // Allowed: own internals, a lower index, a test's use of another index, server/test.
        file(
          'dossiers/dossiers.service.ts',
          "import { a } from './dossiers.repository.js';\nimport { b } from '../org/index.js';",
        ),
        file('org/org.test.ts', "import { c } from '../dossiers/index.js';"),
        {
          path: 'server/test/x.test.ts',
          text: "import { d } from '../src/modules/dossiers/dossiers.repository.js';",
        },
      ],
      [],
    );
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(
      /payments\.service\.ts: imports \.\.\/dossiers\/dossiers\.repository\.js — import dossiers through its index\.ts only/,
    );
    expect(problems.join('\n')).toMatch(
      /org\.service\.ts: .* org \(line 1\) must not use dossiers, a higher module \(line 3\)/,
    );
    expect(problems.join('\n')).toMatch(/module cycle: feedback → reports → feedback/);
    expect(problems.join('\n')).toMatch(
      /tasks\.test\.ts: .* a test may use another module's index\.ts or test-support only/,
    );
    expect(problems.join('\n')).toMatch(
      /platform\/http\/x\.ts: .* platform must not import a module/,
    );
  });

  it('makes `npm run lint` fail on a planted violation (the script exits 1)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cqs-boundaries-'));
    try {
      mkdirSync(path.join(dir, 'server/src/modules/org'), { recursive: true });
      writeFileSync(
        path.join(dir, 'server/src/modules/org/org.service.ts'),
        "import { x } from '../dossiers/dossiers.repository.js';\n",
      );
      const run = () =>
        new Promise<{ code: number; stderr: string }>((resolve) =>
          execFile(process.execPath, [script, dir], (err, _out, stderr) =>
            resolve({ code: err ? (err.code as number) : 0, stderr }),
          ),
        );
      const bad = await run();
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(
        /org\.service\.ts: imports \.\.\/dossiers\/dossiers\.repository\.js/,
      );
      writeFileSync(
        path.join(dir, 'server/src/modules/org/org.service.ts'),
        "import { x } from './org.rules.js';\n",
      );
      expect((await run()).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
