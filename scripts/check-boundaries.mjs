#!/usr/bin/env node
// The module boundary, checked (style.md "Layers"; issue 12): a module imports another module
// only through its `index.ts`, and only a module on a line above its own. Run by `npm run lint`
// (so by .ci/run); server/test/boundaries.test.ts runs it on planted violations and pairs it
// with the SQL check (no module names another module's tables).
//
// Why a script and not Biome's `noRestrictedImports`: its `patterns` match the specifier text,
// not the file it resolves to, so `../dossiers/x.js` from modules/a/ and `../../dossiers/x.js`
// from modules/a/sub/ need separate patterns, and the layers need a different allow list per
// module — a table here, not 40 overrides in biome.json.
//
// Decisions:
// - A module's own files (tests and test-support included) import anything of their module.
// - A module's tests (*.test.ts) and test-support files may import other modules' `index.ts` and
//   `*.test-support.ts` whatever their layer (fixtures build the world a test needs), but no
//   other internal file.
// - server/test/ (cross-module suites: the authorization matrix, fuzz, start) may import
//   anything: it tests the composed application, not one module.
// - The composition root (server/src outside modules/ and platform/: app.ts, main.ts, cli/,
//   demo.ts) wires modules through their `index.ts` only.
// - platform/ imports no module, except the registries: platform/db/schema.ts the `*.tables.ts`
//   files and platform/db/migrations.ts the `*.migrations.ts` files.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Lines of style.md "Layers" below platform, lowest first. A module may use its own line and
 * the lines before it, never a later one; modules of one line may use each other (payments
 * and portal use dossiers, identity uses org) as long as no two of them use each other
 * (cycles are reported).
 */
export const LAYERS = [
  ['org', 'identity', 'calendar', 'notifications'],
  ['procedures', 'citizens', 'signatures'],
  ['dossiers', 'reports', 'payments', 'portal', 'feedback'],
  ['tasks'],
  ['plans', 'documents', 'meetings'],
  ['indicators'],
  ['ioc'],
];
const layerOf = (m) => {
  const i = LAYERS.findIndex((line) => line.includes(m));
  return i < 0 ? undefined : i + 1;
};

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module-relative specifiers of a source text (bare packages are not our business). */
export function importsOf(text) {
  const out = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2];
    if (spec?.startsWith('.')) out.push(spec);
  }
  return out;
}

/** Where a file sits: { area: 'module' | 'platform' | 'root' | 'test' | 'other', module? }. */
export function placeOf(file) {
  const p = file.split(path.sep).join('/');
  let m = /^server\/src\/modules\/([^/]+)\//.exec(p);
  if (m) return { area: 'module', module: m[1] };
  if (p.startsWith('server/src/platform/')) return { area: 'platform' };
  if (p.startsWith('server/test/')) return { area: 'test' };
  m = /^server\/src\//.exec(p);
  if (m) return { area: 'root' };
  return { area: 'other' };
}

const isTestFile = (p) => /\.test\.tsx?$|\.test-support\.ts$/.test(p);

/**
 * Every boundary violation among `files` ({ path: repo-relative, text }), as messages.
 * Pure, so the test can plant violations in a file list.
 */
export function checkImports(files, known = KNOWN_DEBTS) {
  const problems = [];
  /** module → module uses of production code, for the cycle check. */
  const edges = [];
  for (const f of files) {
    const from = placeOf(f.path);
    if (from.area === 'test' || from.area === 'other') continue;
    for (const spec of importsOf(f.text)) {
      if (known.some((k) => k.file === f.path && k.import === spec)) continue;
      const target = path.posix
        .normalize(path.posix.join(path.posix.dirname(f.path.split(path.sep).join('/')), spec))
        .replace(/\.js$/, '.ts');
      const to = placeOf(target);
      if (to.area !== 'module') continue;
      if (from.area === 'module' && from.module === to.module) continue;
      const base = path.posix.basename(target);
      const rel = target.replace(/^server\/src\/modules\/[^/]+\//, '');
      const isIndex = rel === 'index.ts';
      const where = `${f.path}: imports ${spec}`;
      if (from.area === 'platform') {
        const registry =
          (f.path.endsWith('platform/db/schema.ts') && base.endsWith('.tables.ts')) ||
          (f.path.endsWith('platform/db/migrations.ts') && base.endsWith('.migrations.ts'));
        if (!registry) problems.push(`${where} — platform must not import a module`);
        continue;
      }
      if (from.area === 'root') {
        if (!isIndex) problems.push(`${where} — wire modules through their index.ts only`);
        continue;
      }
      // from a module to another module
      if (isTestFile(f.path)) {
        if (!isIndex && !base.endsWith('.test-support.ts'))
          problems.push(`${where} — a test may use another module's index.ts or test-support only`);
        continue;
      }
      if (!isIndex) {
        problems.push(`${where} — import ${to.module} through its index.ts only`);
        continue;
      }
      const a = layerOf(from.module);
      const b = layerOf(to.module);
      if (a === undefined || b === undefined) {
        problems.push(
          `${where} — module ${a === undefined ? from.module : to.module} has no layer (scripts/check-boundaries.mjs LAYERS)`,
        );
      } else if (b > a) {
        problems.push(
          `${where} — ${from.module} (line ${a}) must not use ${to.module}, a higher module (line ${b})`,
        );
      } else {
        edges.push([from.module, to.module, f.path]);
      }
    }
  }
  problems.push(...cyclesOf(edges));
  return problems;
}

/** Each cycle among module uses once, e.g. "org → identity → org". */
function cyclesOf(edges) {
  const next = new Map();
  for (const [a, b] of edges) {
    if (!next.has(a)) next.set(a, new Set());
    next.get(a).add(b);
  }
  const found = new Set();
  const visit = (m, stack) => {
    for (const n of next.get(m) ?? []) {
      const i = stack.indexOf(n);
      if (i >= 0) {
        const cyc = stack.slice(i);
        const start = cyc.indexOf([...cyc].sort()[0]);
        found.add([...cyc.slice(start), ...cyc.slice(0, start), cyc[start]].join(' → '));
      } else visit(n, [...stack, n]);
    }
  };
  for (const m of next.keys()) visit(m, [m]);
  return [...found].map((c) => `module cycle: ${c} — modules of one line must not use each other`);
}

/**
 * Violations older than the check, each with the reason it stays for now and where it goes.
 * A new violation fails the check; remove an entry when its debt is paid.
 */
export const KNOWN_DEBTS = [
  ...['payments/payments.receipt-pdf.ts', 'procedures/procedures.form-pdf.ts'].flatMap((f) =>
    ['format', 'pdf-table'].map((m) => ({
      file: `server/src/modules/${f}`,
      import: `../dossiers/forms/${m}.js`,
      why: 'the PDF toolkit belongs to platform/ (style.md "Shared tools"); it still sits in dossiers/forms',
    })),
  ),
  ...[
    'payments/payments.api.test.ts',
    'procedures/procedures.catalogue.test.ts',
    'procedures/procedures.form-pdf.test.ts',
  ].map((f) => ({
    file: `server/src/modules/${f}`,
    import: '../dossiers/forms/pdf-test-utils.js',
    why: 'reads PDFs of the toolkit above; moves with it',
  })),
  {
    file: 'server/src/modules/org/org.routes.ts',
    import: '../identity/identity.policy.js',
    why: 'org and identity use each other (identity needs the lineage, org routes the role checks); the role checks belong below both',
  },
  {
    file: 'server/src/platform/http/admin.routes.ts',
    import: '../../modules/identity/identity.policy.js',
    why: 'the admin routes check the system-admin role; they belong to the composition root (app.ts), not platform/',
  },
];

/** The TypeScript sources under `dir` (repo-relative paths), with their text. */
export function sourceFiles(root, dir) {
  const out = [];
  const walk = (rel) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (e.name === 'node_modules') continue;
      const r = path.posix.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (/\.tsx?$/.test(e.name))
        out.push({ path: r, text: readFileSync(path.join(root, r), 'utf8') });
    }
  };
  walk(dir);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  // The repository root, or the one given (boundaries.test.ts plants violations in a copy).
  const root = process.argv[2]
    ? path.resolve(process.argv[2])
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkImports(sourceFiles(root, 'server/src'));
  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`\n${problems.length} module boundary violation(s) (style.md "Layers").`);
    process.exit(1);
  }
  console.log('Module boundaries: imports OK.');
}
