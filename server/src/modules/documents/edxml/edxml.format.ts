// How values are written in edXML text and read back: dates `yyyy/MM/dd`, timestamps
// `yyyy/MM/dd HH:mm:ss` in Vietnam time, base64 payloads, `cid:` ids, XML escaping. Readers
// are lenient about forms seen in the wild and return undefined when they cannot read a value
// (the parser turns that into an EdxmlError with the field's path); writers are strict.

/** Vietnam has no daylight saving: UTC+7 all year. */
const VN_OFFSET_MS = 7 * 3600_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** `2024-03-05` → `2024/03/05`. */
export function writeDate(iso: string): string {
  return iso.replaceAll('-', '/');
}

/** The DocumentId the regulation prescribes: `<sender OrganId>,<yyyy/MM/dd>,<number/notation>`. */
export function edxmlDocumentId(p: {
  from: { organId: string };
  promulgation: { date: string };
  code: { number: string; notation: string };
}): string {
  return `${p.from.organId},${writeDate(p.promulgation.date)},${p.code.number}/${p.code.notation}`;
}

/**
 * `yyyy/MM/dd` (the regulation's form) → `YYYY-MM-DD`; also read: `yyyy-MM-dd`, a trailing
 * time (some producers write the date with `00:00:00`), and `dd/MM/yyyy` (Vietnamese order).
 */
export function readDate(s: string): string | undefined {
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T][\d:.+\-Z ]*)?$/.exec(s);
  let y: number;
  let mo: number;
  let d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (!m) return undefined;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  return validYmd(y, mo, d) ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}` : undefined;
}

/** An ISO instant → `yyyy/MM/dd HH:mm:ss` in Vietnam time (seconds are the precision). */
export function writeTimestamp(iso: string): string {
  const t = new Date(Date.parse(iso) + VN_OFFSET_MS);
  return (
    `${pad(t.getUTCFullYear(), 4)}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())} ` +
    `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
  );
}

/**
 * `yyyy/MM/dd HH:mm:ss` (Vietnam time) → ISO instant (`toISOString`). Also read: `-` for `/`,
 * `T` for the space, fractions of a second, and an explicit `Z` / `±hh:mm` offset (then used
 * instead of Vietnam time).
 */
export function readTimestamp(s: string): string | undefined {
  const m =
    /^(\d{4})[/-](\d{2})[/-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      s,
    );
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as number[];
  if (!validYmd(y!, mo!, d!) || h! > 23 || mi! > 59 || se! > 59) return undefined;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  let offset = VN_OFFSET_MS;
  const z = m[8];
  if (z === 'Z') offset = 0;
  else if (z) {
    const digits = z.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offset = sign * (Number(digits.slice(1, 3)) * 3600_000 + Number(digits.slice(3, 5)) * 60_000);
  }
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, se!, ms) - offset;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** A non-negative integer, '' → null; undefined when not one. */
export function readCount(s: string): number | null | undefined {
  if (s === '') return null;
  if (!/^\d{1,9}$/.test(s)) return undefined;
  return Number(s);
}

/** The Paper flag: 1/true/có → true, 0/false/''/không → false; undefined otherwise. */
export function readFlag(s: string): boolean | undefined {
  const v = s.toLowerCase();
  if (v === '1' || v === 'true' || v === 'có') return true;
  if (v === '0' || v === 'false' || v === '' || v === 'không') return false;
  return undefined;
}

/** The canonical `cid:…` form of a content id (`<x>`, `x` and `cid:x` are one id). */
export function normalizeCid(s: string): string {
  const bare = s
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .replace(/^cid:/i, '');
  return `cid:${bare}`;
}

/** Base64 of bytes, one line (76-column wrapping is optional in the regulation; readers cope). */
export function writeBase64(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

/**
 * Bytes of base64 text, line breaks and spaces ignored; undefined when it is not base64
 * (Buffer.from would silently skip bad characters and hand back truncated files).
 */
export function readBase64(s: string): Uint8Array | undefined {
  const compact = s.replace(/\s+/g, '');
  if (compact.length % 4 === 1) return undefined;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  if (/=/.test(compact) && compact.length % 4 !== 0) return undefined;
  // A copy, not a view: small Buffers live in a shared pool that must not leak to callers.
  return Uint8Array.from(Buffer.from(compact, 'base64'));
}

// Characters XML 1.0 cannot carry, even as references, and lone surrogate halves.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is matched.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without characters XML 1.0 cannot carry (they cannot travel in edXML at all). */
export function stripNonXml(s: string): string {
  return s.replace(NOT_XML, '');
}

/** Text content escaped; `\r` as a reference so that it survives end-of-line normalisation. */
export function escapeText(s: string): string {
  return stripNonXml(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value escaped for double quotes; whitespace as references (no normalisation). */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
