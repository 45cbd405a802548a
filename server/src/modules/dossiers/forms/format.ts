// How the forms print dates, money and channels (style.md "Interface conventions":
// dd/mm/yyyy, 24-hour times, Asia/Ho_Chi_Minh, đồng with "." thousands).
import { toVnIso } from '@cqs/shared/calendar/index';
import type { DossierFormData } from './form-data.js';

/**
 * The Vietnam wall-clock time of an instant as a Date whose UTC fields carry that local
 * time. Uses the shared fixed +07:00 offset so output never depends on the machine TZ.
 */
export function vnWallClock(d: Date): Date {
  return new Date(`${toVnIso(d).slice(0, 19)}Z`);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "27/11/2026" in Vietnam time. */
export function formatDate(d: Date): string {
  const w = vnWallClock(d);
  return `${pad2(w.getUTCDate())}/${pad2(w.getUTCMonth() + 1)}/${w.getUTCFullYear()}`;
}

/** "16:30" (24-hour) in Vietnam time. */
export function formatTime(d: Date): string {
  const w = vnWallClock(d);
  return `${pad2(w.getUTCHours())}:${pad2(w.getUTCMinutes())}`;
}

/** "27/11/2026 16:30" in Vietnam time. */
export function formatDateTime(d: Date): string {
  return `${formatDate(d)} ${formatTime(d)}`;
}

/**
 * The place-and-date line, e.g. "Long Xuyên, ngày 05 tháng 02 năm 2026". Nghị định
 * 30/2020, Appendix I: days below 10 and months below 3 take a leading zero (so
 * "tháng 02" but "tháng 3"), which keeps the date from being altered by hand.
 */
export function formatPlaceDate(place: string, d: Date): string {
  const w = vnWallClock(d);
  const month = w.getUTCMonth() + 1;
  const mm = month < 3 ? pad2(month) : String(month);
  return `${place}, ngày ${pad2(w.getUTCDate())} tháng ${mm} năm ${w.getUTCFullYear()}`;
}

/** "1.250.000 đồng"; "." groups thousands as Vietnamese readers expect. */
export function formatMoney(amount: number): string {
  const digits = String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${digits} đồng`;
}

/** Vietnamese name of a submission channel (the national portal's 1/2/3 codes). */
export function channelLabel(channel: DossierFormData['channel']): string {
  switch (channel) {
    case 'direct':
      return 'Trực tiếp';
    case 'online':
      return 'Trực tuyến';
    case 'postal':
      return 'Qua dịch vụ bưu chính công ích';
  }
}

/** "dd/mm/yyyy" of a 'YYYY-MM-DD' string; anything else is returned unchanged. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
