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

/** Maps the segments of a problem path to a form's field key; the default joins them with dots. */
export type FieldKeyOf = (segments: string[]) => string;

const dotted: FieldKeyOf = (segments) => segments.join('.');

/** A zod issue path as segments: ['components', 0, 'name'] → ['components', '0', 'name']. */
export function issueSegments(path: readonly PropertyKey[]): string[] {
  return path.map((part) => (typeof part === 'symbol' ? (part.description ?? '') : String(part)));
}

/** A problem+json path as segments: '/body/components/0/name' → ['components', '0', 'name']. */
export function problemSegments(path: string): string[] {
  const normal = normalisePath(path);
  return normal ? normal.split('.') : [];
}

/** Messages keyed by field key; the first message for a key wins. */
export function keyMessages(
  problems: Iterable<{ segments: string[]; message: string }>,
  keyOf: FieldKeyOf = dotted,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { segments, message } of problems) {
    const key = keyOf(segments);
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/** Field problems of an error keyed by normalised path, or by `keyOf` (first message wins). */
export function problemsByPath(error: unknown, keyOf?: FieldKeyOf): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return keyMessages(
    error.errors.map((p) => ({ segments: problemSegments(p.path), message: p.message })),
    keyOf,
  );
}

/** Zod issues keyed like server problems: the same paths give the same keys. */
export function issuesByPath(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  keyOf?: FieldKeyOf,
): Record<string, string> {
  return keyMessages(
    issues.map((i) => ({ segments: issueSegments(i.path), message: i.message })),
    keyOf,
  );
}

/** A DOM id for a dotted field path within a form: ('proc', 'fees.0.name') → 'proc-fees-0-name'. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, '-')}`;
}

export type { FieldProblem };
