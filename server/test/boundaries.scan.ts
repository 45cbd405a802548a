// The SQL half of the module boundary check (style.md "Boundaries"; issue 12): which module
// owns each table (from the `export interface <X>Tables { … }` of each `*.tables.ts`, the same
// interfaces platform/db/schema.ts joins into the Database), and which SQL in a module's source
// names a table it does not own. Pure functions over file lists, so boundaries.test.ts can
// plant a violation in memory. The import half is scripts/check-boundaries.mjs (npm run lint).
//
// What counts as naming a table: Kysely calls with a literal table name (selectFrom, insertInto,
// updateTable, deleteFrom, mergeInto, the joins, `'t.col'` references are not needed: a query
// must start or join somewhere) and, in any template literal, `from|join|into|update|table <t>`.
// Comments are stripped first. Decisions:
// - platform tables (fact, fact_pending, audit_log, job…) are named only by platform/ code;
//   modules reach them through platform functions (publishFact, recordAudit, enqueue) —
//   except a module's own migrations, which may insert facts for rows that already exist (the
//   backfill of issue 12) and read platform tables for that.
// - SQL expressions a lower module exports through its index (orgExpressions,
//   identityExpressions; decision 0005) live in that module's files and name its own tables.
// - tests (*.test.ts, *.test-support.ts, fixtures) are not scanned: a test checks the effects
//   of a change where they land (the audit log, the outbox, the job queue), which is its job.

export interface SourceFile {
  /** Repository-relative path with forward slashes. */
  path: string;
  text: string;
}

/** table → owning module ('platform' for platform/db/platform.tables.ts). */
export function tableOwners(files: SourceFile[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const f of files) {
    if (!f.path.endsWith('.tables.ts')) continue;
    const owner = ownerOf(f.path);
    if (!owner) continue;
    for (const m of f.text.matchAll(/export interface \w+Tables\b[^{]*\{([^}]*)\}/g)) {
      for (const k of m[1]!.matchAll(/^\s*([a-z_][a-z0-9_]*)\s*:/gm)) owners.set(k[1]!, owner);
    }
  }
  return owners;
}

/** The module a source file belongs to; 'platform' for server/src/platform; else undefined. */
export function ownerOf(path: string): string | undefined {
  const m = /^server\/src\/modules\/([^/]+)\//.exec(path);
  if (m) return m[1];
  if (path.startsWith('server/src/platform/')) return 'platform';
  return undefined;
}

/** Source without comments (a `//` after `:` — a URL — is kept). */
export function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const KYSELY_RE =
  /(?:\.|\bsql\.)(?:table|selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*(\[[^\]]*\]|['"][^'"]+['"])/g;
const SQL_RE = /\b(?:from|join|into|update|table)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** The tables a source text names in SQL, each with its line. */
export function tablesNamed(text: string): { table: string; line: number }[] {
  const src = stripComments(text);
  const lineAt = (i: number) => src.slice(0, i).split('\n').length;
  const out: { table: string; line: number }[] = [];
  for (const m of src.matchAll(KYSELY_RE)) {
    for (const t of m[1]!.matchAll(/['"]([a-z_][a-z0-9_]*)(?:\s+as\s+\w+)?['"]/g))
      out.push({ table: t[1]!, line: lineAt(m.index!) });
  }
  for (const lit of templateLiterals(src)) {
    for (const m of lit.text.matchAll(SQL_RE))
      out.push({ table: m[1]!.toLowerCase(), line: lineAt(lit.start + m.index!) });
  }
  return out;
}

/** The literal parts of every template literal (`${…}` holes skipped, nesting followed). */
function templateLiterals(src: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let i = 0;
  const n = src.length;
  // A small lexer: strings and templates, so a quote in a template or a brace in a string
  // does not derail it.
  const skipString = (q: string) => {
    i++;
    while (i < n && src[i] !== q) i += src[i] === '\\' ? 2 : 1;
    i++;
  };
  const readTemplate = () => {
    i++; // opening backtick
    let chunkStart = i;
    while (i < n && src[i] !== '`') {
      if (src[i] === '\\') i += 2;
      else if (src[i] === '$' && src[i + 1] === '{') {
        out.push({ start: chunkStart, text: src.slice(chunkStart, i) });
        i += 2;
        let depth = 1;
        while (i < n && depth > 0) {
          const c = src[i]!;
          if (c === '`') readTemplate();
          else if (c === "'" || c === '"') skipString(c);
          else {
            if (c === '{') depth++;
            else if (c === '}') depth--;
            i++;
          }
        }
        chunkStart = i;
      } else i++;
    }
    out.push({ start: chunkStart, text: src.slice(chunkStart, i) });
    i++; // closing backtick
  };
  while (i < n) {
    const c = src[i]!;
    if (c === '`') readTemplate();
    else if (c === "'" || c === '"') skipString(c);
    else i++;
  }
  return out;
}

const isTestSource = (p: string) =>
  /\.test\.tsx?$|\.test-support\.ts$|\.fixture\.ts$|test-utils\.ts$/.test(p);

/** Every place a module's source names a table of another module (or a platform table). */
export function sqlViolations(files: SourceFile[], owners: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const f of files) {
    const module = ownerOf(f.path);
    if (!module || module === 'platform' || isTestSource(f.path)) continue;
    const isMigration = f.path.endsWith('.migrations.ts');
    for (const { table, line } of tablesNamed(f.text)) {
      const owner = owners.get(table);
      if (!owner || owner === module) continue;
      if (owner === 'platform' && isMigration) continue;
      problems.push(
        owner === 'platform'
          ? `${f.path}:${line}: names the platform table ${table} — use the platform's function`
          : `${f.path}:${line}: names ${table}, a table of ${owner}`,
      );
    }
  }
  return problems;
}
