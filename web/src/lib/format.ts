// Display formats of style.md: dates dd/mm/yyyy, times 24h in Asia/Ho_Chi_Minh,
// money `1.250.000 đ`. Vietnam is a fixed UTC+07:00 (no DST), so the offset is exact and
// the result does not depend on the browser's own time zone.

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DISPLAY_DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const HM_RE = /^([01]?\d|2[0-3]):([0-5]\d)$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' → 'dd/mm/yyyy' ('' for empty or unparsable input). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE_RE.exec(iso.slice(0, 10));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** An ISO 8601 instant → 'dd/mm/yyyy HH:mm' in Vietnam time. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + VN_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Money in đồng with '.' thousands: 1250000 → '1.250.000 đ'. */
export function formatMoney(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(amount)));
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/** True for a real calendar date 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** 'dd/mm/yyyy' (or 'YYYY-MM-DD') typed by a user → 'YYYY-MM-DD', or null if not a date. */
export function parseDisplayDate(text: string): string | null {
  const value = text.trim();
  if (isIsoDate(value)) return value;
  const m = DISPLAY_DATE_RE.exec(value);
  if (!m) return null;
  const iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  return isIsoDate(iso) ? iso : null;
}

/** 'H:mm' or 'HH:mm' (24h) → 'HH:mm', or null. */
export function parseTime(text: string): string | null {
  const m = HM_RE.exec(text.trim());
  return m ? `${pad(Number(m[1]))}:${m[2]}` : null;
}

/** A Vietnam-local date and 'HH:mm' → ISO 8601 with the +07:00 offset. */
export function toVnIso(isoDate: string, time: string): string {
  return `${isoDate}T${time}:00+07:00`;
}

/** Today's date in Vietnam, 'YYYY-MM-DD'. */
export function todayVn(now: number = Date.now()): string {
  return new Date(now + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The current time in Vietnam, 'HH:mm'. */
export function nowTimeVn(now: number = Date.now()): string {
  return new Date(now + VN_OFFSET_MS).toISOString().slice(11, 16);
}

/**
 * Reads an amount of đồng as typed by a Vietnamese user: `.` and spaces group thousands
 * ("1.250.000", "1 250 000", "1250000 đ"); NaN when it is not a whole number of đồng.
 */
export function parseMoney(text: string): number {
  const t = text
    .trim()
    .replace(/\s*(đ|đồng|vnd|vnđ)$/i, '')
    .replace(/[.\s]/g, '');
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}
