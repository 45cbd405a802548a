// Photos of a report (ảnh phản ánh) in a form: which picked files to upload, the state of each
// upload, the ids to send, the photo position to offer, and thumbnail sizes. Limits mirror the
// server's (server/src/modules/reports/reports.photos.ts).
import { ApiError } from '../../../api/client.ts';
import type { MessageKey } from '../../../i18n/vi.ts';
import type { UploadedPhoto } from '../api/report.types.ts';

/** Photos per report (and per resolution). */
export const PHOTO_LIMIT = 5;
/** Largest file the server accepts. */
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;
/** Types the server reads (HEIC is refused by the stock server; iOS converts it for web pages). */
export const PHOTO_TYPES: readonly string[] = [
  'image/jpeg',
  'image/jpg',
  'image/pjpeg',
  'image/png',
  'image/webp',
];

/** One picked photo in the form. */
export interface PhotoItem {
  /** Local key (stable while the list changes). */
  key: string;
  name: string;
  status: 'uploading' | 'done' | 'error';
  photo?: UploadedPhoto;
  error?: string;
}

/** A file refused before uploading, with the message to show. */
export interface RefusedFile {
  name: string;
  reason: MessageKey;
}

/** Places left: failed uploads do not count. */
export function slotsLeft(items: readonly PhotoItem[]): number {
  return Math.max(0, PHOTO_LIMIT - items.filter((i) => i.status !== 'error').length);
}

/**
 * Splits newly picked files into those to upload (in order, within the places left) and those
 * refused here (too many, too large, not a photo type) — so nothing is sent that the server
 * would refuse. A file without a type is left to the server to judge.
 */
export function admitFiles<F extends { name: string; size: number; type: string }>(
  files: readonly F[],
  items: readonly PhotoItem[],
): { accepted: F[]; refused: RefusedFile[] } {
  let left = slotsLeft(items);
  const accepted: F[] = [];
  const refused: RefusedFile[] = [];
  for (const f of files) {
    const type = f.type.toLowerCase();
    if (type && !PHOTO_TYPES.includes(type))
      refused.push({
        name: f.name,
        reason: /hei[cf]/.test(type) ? 'reports.photos.errorHeic' : 'reports.photos.errorType',
      });
    else if (f.size > PHOTO_MAX_BYTES)
      refused.push({ name: f.name, reason: 'reports.photos.errorTooLarge' });
    else if (left === 0) refused.push({ name: f.name, reason: 'reports.photos.errorTooMany' });
    else {
      accepted.push(f);
      left--;
    }
  }
  return { accepted, refused };
}

/** The message key for a failed upload, when the server's code has one (else its detail). */
export function uploadErrorKey(error: unknown): MessageKey | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'invalid_image':
      return 'reports.photos.errorInvalid';
    case 'photo_too_large':
      return 'reports.photos.errorTooLarge';
    case 'photo_type_not_allowed':
      return 'reports.photos.errorType';
    case 'photo_heic_not_supported':
      return 'reports.photos.errorHeic';
    case 'rate_limited':
      return 'reports.photos.errorBusy';
    case 'network_error':
      return 'reports.photos.errorNetwork';
    default:
      return null;
  }
}

/** Ids of the uploaded photos, in the order shown. */
export function uploadedIds(items: readonly PhotoItem[]): string[] {
  return items.flatMap((i) => (i.status === 'done' && i.photo ? [i.photo.id] : []));
}

/** True while a photo is still uploading (the form waits before sending). */
export function isUploading(items: readonly PhotoItem[]): boolean {
  return items.some((i) => i.status === 'uploading');
}

/** The first uploaded photo that carries a position, with its number in the list (1-based). */
export function photoLocation(
  items: readonly PhotoItem[],
): { n: number; lat: number; long: number } | null {
  for (const [i, item] of items.entries()) {
    const loc = item.status === 'done' ? item.photo?.location : null;
    if (loc) return { n: i + 1, lat: loc.lat, long: loc.long };
  }
  return null;
}

/** The size of a photo fitted in a `box`-pixel square (never enlarged), for width/height attributes. */
export function fitSize(
  width: number,
  height: number,
  box: number,
): { width: number; height: number } {
  const scale = Math.min(1, box / Math.max(width, height, 1));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
