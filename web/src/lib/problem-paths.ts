import { ApiError, type FieldProblem } from '../api/client.ts';

/**
 * Normalises a problem+json error path to dotted form: '/body/components/0/name',
 * 'body.components[0].name' and 'components.0.name' all become 'components.0.name'.
 */
export function normalisePath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((part) => part !== '')
    .filter((part, index) => !(index === 0 && part === 'body'))
    .join('.');
}

/** Field problems of an error keyed by normalised path (first message wins). */
export function problemsByPath(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const problem of error.errors) {
    const key = normalisePath(problem.path);
    if (!(key in out)) out[key] = problem.message;
  }
  return out;
}

/** A DOM id for a dotted field path within a form: ('proc', 'fees.0.name') → 'proc-fees-0-name'. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, '-')}`;
}

export type { FieldProblem };
