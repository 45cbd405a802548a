/**
 * Dossier codes: receiving agency identifier + reception date + daily sequence
 * (regulations.md §3, "verified in outline; separators not verified" — hence a setting,
 * DOSSIER_CODE_PATTERN). Tokens: {agencyId}, {yymmdd}, {yyyymmdd}, {seq:N} (zero-padded).
 */
export const DEFAULT_CODE_PATTERN = '{agencyId}-{yymmdd}-{seq:4}';

/** Refuses a pattern that could not make unique codes. */
export function checkCodePattern(pattern: string): void {
  if (
    !pattern.includes('{agencyId}') ||
    !/\{seq(:\d)?\}/.test(pattern) ||
    !/\{(yy|yyyy)mmdd\}/.test(pattern)
  ) {
    throw new Error(
      `DOSSIER_CODE_PATTERN must contain {agencyId}, a date ({yymmdd} or {yyyymmdd}) and {seq:N}: ${pattern}`,
    );
  }
}

/** Fills the pattern for one dossier; `day` is the local reception date 'YYYY-MM-DD'. */
export function formatDossierCode(
  pattern: string,
  parts: { agencyId: string; day: string; seq: number },
): string {
  const [y, m, d] = parts.day.split('-');
  return pattern
    .replaceAll('{agencyId}', parts.agencyId)
    .replaceAll('{yyyymmdd}', `${y}${m}${d}`)
    .replaceAll('{yymmdd}', `${y!.slice(2)}${m}${d}`)
    .replace(/\{seq(?::(\d))?\}/g, (_, w: string | undefined) =>
      String(parts.seq).padStart(Number(w ?? 1), '0'),
    );
}

/**
 * The pattern filled for one agency and day, split where the sequence number goes, for a
 * statement that numbers the dossier itself. The first {seq:N} is the number.
 */
export function codeTemplate(
  pattern: string,
  parts: { agencyId: string; day: string },
): { before: string; after: string; width: number } {
  const MARK = '\u0000';
  const filled = formatDossierCode(pattern.replace(/\{seq(?::\d)?\}/, MARK), { ...parts, seq: 0 });
  const width = Number(/\{seq(?::(\d))?\}/.exec(pattern)?.[1] ?? 1);
  const [before, after] = filled.split(MARK);
  return { before: before!, after: after ?? '', width };
}

/** The citizen's tracking page for a dossier (form 01's QR code, SMS and e-mail links). */
export function trackingUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/tra-cuu?ma=${encodeURIComponent(code)}`;
}
