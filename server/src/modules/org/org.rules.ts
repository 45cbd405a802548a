/**
 * Pure rules of the org module (đơn vị hành chính, cơ quan): the kinds and categories of
 * units, which kind may sit under which, and the formats of unit codes and agency ids.
 * No I/O here, so the web and unit tests can use them as they are.
 */

import { isSaneIsoDate } from '@cqs/shared/calendar/index';

/** The level of a unit in the tree. `hamlet` = ấp/khóm/thôn/tổ dân phố; `agency` = cơ quan. */
export const UNIT_KINDS = ['province', 'district', 'commune', 'hamlet', 'agency'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * Categories and the one kind each belongs to. Administrative categories follow the Law on
 * Local Government (tỉnh, thành phố trực thuộc trung ương; quận, huyện, thị xã, thành phố
 * thuộc tỉnh; phường, xã, thị trấn, đặc khu since 1 July 2025); hamlets are not
 * administrative units but residential communities below communes.
 */
export const CATEGORY_KIND = {
  tinh: 'province',
  thanh_pho_tw: 'province',
  thanh_pho: 'district',
  quan: 'district',
  huyen: 'district',
  thi_xa: 'district',
  phuong: 'commune',
  xa: 'commune',
  thi_tran: 'commune',
  dac_khu: 'commune',
  ap: 'hamlet',
  khom: 'hamlet',
  thon: 'hamlet',
  to_dan_pho: 'hamlet',
  ubnd: 'agency',
  hdnd: 'agency',
  van_phong: 'agency',
  phong: 'agency',
  one_stop: 'agency',
  cong_an: 'agency',
  other: 'agency',
} as const satisfies Record<string, UnitKind>;
export type UnitCategory = keyof typeof CATEGORY_KIND;
export const UNIT_CATEGORIES = Object.keys(CATEGORY_KIND) as [UnitCategory, ...UnitCategory[]];

/**
 * Which kinds a unit of each kind may sit under. A commune may hang directly under its
 * province: that is the two-level structure in force since 1 July 2025 (regulations.md §1).
 * An empty list means a root.
 */
export const ALLOWED_PARENT_KINDS: Record<UnitKind, readonly UnitKind[]> = {
  province: [],
  district: ['province'],
  commune: ['province', 'district'],
  hamlet: ['commune'],
  agency: ['province', 'district', 'commune', 'agency'],
};

/** Vietnamese names of the kinds, for messages. */
export const KIND_LABEL: Record<UnitKind, string> = {
  province: 'cấp tỉnh',
  district: 'cấp huyện',
  commune: 'cấp xã',
  hamlet: 'thôn, ấp, khóm, tổ dân phố',
  agency: 'cơ quan',
};

/**
 * Unit codes: statistics codes for administrative units, derived codes such as `30280.UBND`
 * for agencies. Upper-case letters, digits and `.`/`-`/`_` separators; codes never change.
 */
export const UNIT_CODE_RE = /^[0-9A-Z]+(?:[._-][0-9A-Z]+)*$/;
export const UNIT_CODE_MAX = 40;

/** Statistics-office code length by kind (province 2 digits, district 3, commune 5). */
const STAT_CODE_LENGTH: Partial<Record<UnitKind, number>> = {
  province: 2,
  district: 3,
  commune: 5,
};

/**
 * Agency electronic identifier, Decision 20/2020/QĐ-TTg: at most 35 characters of
 * `0-9 A-Z .`, in dot-separated groups (e.g. `000.00.00.H49`).
 */
export const AGENCY_ID_RE = /^[0-9A-Z]+(?:\.[0-9A-Z]+)*$/;
export const AGENCY_ID_MAX = 35;

/** True when `id` is a well-formed QĐ 20/2020 agency identifier. */
export function isValidAgencyId(id: string): boolean {
  return id.length <= AGENCY_ID_MAX && AGENCY_ID_RE.test(id);
}

/** True when `code` is a well-formed unit code. */
export function isValidUnitCode(code: string): boolean {
  return code.length <= UNIT_CODE_MAX && UNIT_CODE_RE.test(code);
}

/**
 * Why a code does not fit its kind, or null. An all-digit code is read as a statistics code
 * and must have the length of its level; other codes (agencies, test units) are free.
 */
export function codeKindProblem(code: string, kind: UnitKind): string | null {
  if (!/^\d+$/.test(code)) return null;
  const len = STAT_CODE_LENGTH[kind];
  if (len === undefined)
    return `Mã số thống kê chỉ dùng cho đơn vị hành chính; ${KIND_LABEL[kind]} cần mã có chữ (ví dụ ${code}.UBND).`;
  return code.length === len ? null : `Mã số thống kê ${KIND_LABEL[kind]} gồm ${len} chữ số.`;
}

/** Why `category` does not belong to `kind`, or null. */
export function categoryKindProblem(kind: UnitKind, category: UnitCategory): string | null {
  const expected = CATEGORY_KIND[category];
  return expected === kind
    ? null
    : `Loại "${category}" thuộc ${KIND_LABEL[expected]}, không thuộc ${KIND_LABEL[kind]}.`;
}

/** Why a unit of `kind` may not sit under a parent of `parentKind` (null parent = root), or null. */
export function parentKindProblem(kind: UnitKind, parentKind: UnitKind | null): string | null {
  const allowed = ALLOWED_PARENT_KINDS[kind];
  if (parentKind === null) {
    return allowed.length === 0
      ? null
      : `Đơn vị ${KIND_LABEL[kind]} phải thuộc một đơn vị cấp trên.`;
  }
  if (allowed.includes(parentKind)) return null;
  return allowed.length === 0
    ? `Đơn vị ${KIND_LABEL[kind]} không có đơn vị cấp trên.`
    : `Đơn vị ${KIND_LABEL[kind]} không thể trực thuộc đơn vị ${KIND_LABEL[parentKind]}.`;
}

/**
 * Today's date in Asia/Ho_Chi_Minh as `YYYY-MM-DD`. Vietnam has kept UTC+7 without daylight
 * saving since 1975, so a fixed offset is exact and needs no time-zone data.
 */
export function vnToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** True for a real calendar day written `YYYY-MM-DD` in the API's range (2025-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  return isSaneIsoDate(s);
}

/** The day before `date` (YYYY-MM-DD), e.g. the last day a closed version was in force. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Category of an administrative unit from the prefix of its full name ("Thành phố Long
 * Xuyên" → thanh_pho). `level` decides the ambiguous "Thành phố": a city directly under the
 * centre at province level, a provincial city at district level. Null if no prefix matches.
 */
export function categoryFromFullName(
  fullName: string,
  level: 'province' | 'district' | 'commune',
): UnitCategory | null {
  const name = fullName.normalize('NFC').trim().toLowerCase();
  const starts = (p: string) => name.startsWith(`${p} `);
  if (level === 'province') {
    if (starts('tỉnh')) return 'tinh';
    if (starts('thành phố')) return 'thanh_pho_tw';
    return null;
  }
  if (level === 'district') {
    if (starts('thành phố')) return 'thanh_pho';
    if (starts('quận')) return 'quan';
    if (starts('huyện')) return 'huyen';
    if (starts('thị xã')) return 'thi_xa';
    return null;
  }
  if (starts('phường')) return 'phuong';
  if (starts('thị trấn')) return 'thi_tran';
  if (starts('xã')) return 'xa';
  if (starts('đặc khu')) return 'dac_khu';
  return null;
}
