// Photos of field reports (ảnh phản ánh): upload first, then refer to them by id when the report
// is sent (the citizen's photos) or resolved (the officer's after-photos). The server reads the
// EXIF GPS position of the original, then keeps only a re-encoded JPEG without any metadata.
import { randomUUID } from 'node:crypto';
import exifr from 'exifr';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { cachedUnitLineage } from '../org/index.js';
import { rolesOverLineage } from './reports.access.js';
import {
  type PhotoStage,
  type ReportPhotoRow,
  reportPhotosRepository as repo,
} from './reports.photos.repository.js';

type Db = Kysely<Database>;

/** Limits of report photos. */
export const PHOTO_LIMITS = {
  /** Largest upload accepted (phone cameras give 3–12 MB). */
  maxBytes: 15 * 1024 * 1024,
  /** Photos per stage of a report (the citizen's; the officer's per resolve). */
  perReport: 5,
  /** Long edge of the stored photo, px (never enlarged). */
  maxEdge: 1600,
  /** Long edge of the thumbnail, px. */
  thumbEdge: 320,
  quality: 80,
  thumbQuality: 70,
  /** Unattached uploads older than this are purged. */
  unattachedTtlMs: 24 * 3_600_000,
} as const;

/**
 * HEIC (iPhone's default) needs libheif with an HEVC decoder; sharp's prebuilt binaries ship
 * AVIF only. Accepted only when this install can decode it. (Safari on iOS converts HEIC to
 * JPEG when a web page asks for `image/*`, so phones rarely send it.)
 */
export const HEIC_SUPPORTED = (sharp.format.heif?.input.fileSuffix ?? []).some((s) =>
  ['.heic', '.heif'].includes(s),
);

const TYPES: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  ...(HEIC_SUPPORTED ? { 'image/heic': 'heif', 'image/heif': 'heif' } : {}),
};
/** The Content-Types an upload may declare. */
export const PHOTO_CONTENT_TYPES = Object.keys(TYPES);

/** A photo as staff and the public see it (no personal data: metadata is stripped). */
export interface PhotoView {
  id: string;
  stage: PhotoStage;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
}

/** The answer to an upload. `preview` is the thumbnail itself, since unattached photos are not served. */
export interface UploadedPhoto {
  id: string;
  width: number;
  height: number;
  url: string;
  thumbUrl: string;
  preview: string;
  location: { lat: number; long: number } | null;
}

/** What processing keeps of an upload. */
export interface ProcessedPhoto {
  full: { data: Buffer; width: number; height: number };
  thumb: { data: Buffer; width: number; height: number };
  location: { lat: number; long: number } | null;
}

const urlOf = (id: string) => `/api/v1/public/report-photos/${id}`;

/** 400 invalid_image: not a picture we can read; nothing is stored. */
function invalidImage(): AppError {
  return new ValidationError(
    'Tệp gửi lên không phải là ảnh hoặc ảnh bị hỏng. Hãy chọn một ảnh JPEG, PNG hoặc WebP khác.',
    [],
    'invalid_image',
  );
}

/** The declared type, checked (415 for anything but the photo types). */
export function checkPhotoType(contentType: string | undefined): void {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (TYPES[mime]) return;
  if (mime === 'image/heic' || mime === 'image/heif')
    throw new AppError(
      'photo_heic_not_supported',
      415,
      'Ảnh HEIC chưa được hỗ trợ. Hãy chọn ảnh JPEG, hoặc trên iPhone đặt Cài đặt > Camera > Định dạng thành "Tương thích nhất".',
    );
  throw new AppError(
    'photo_type_not_allowed',
    415,
    'Chỉ nhận ảnh JPEG, PNG hoặc WebP. Hãy chọn một tệp ảnh.',
    { accepted: PHOTO_CONTENT_TYPES },
  );
}

/** 413 photo_too_large. */
export function photoTooLarge(): AppError {
  return new AppError(
    'photo_too_large',
    413,
    `Ảnh lớn hơn ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MB. Hãy chọn ảnh nhỏ hơn hoặc chụp ở độ phân giải thấp hơn.`,
    { maxBytes: PHOTO_LIMITS.maxBytes },
  );
}

/** The EXIF GPS position of the original, when it has a plausible one (read before stripping). */
async function readLocation(bytes: Buffer): Promise<{ lat: number; long: number } | null> {
  try {
    const gps = await exifr.gps(bytes);
    const lat = gps?.latitude;
    const long = gps?.longitude;
    if (typeof lat !== 'number' || typeof long !== 'number') return null;
    if (!Number.isFinite(lat) || !Number.isFinite(long)) return null;
    if (Math.abs(lat) > 90 || Math.abs(long) > 180 || (lat === 0 && long === 0)) return null;
    return { lat: Math.round(lat * 1e6) / 1e6, long: Math.round(long * 1e6) / 1e6 };
  } catch {
    // No EXIF, or a format exifr does not read (WebP): simply no suggested position.
    return null;
  }
}

/**
 * Checks and processes an upload: reads the EXIF GPS position, then re-encodes the picture
 * upright (EXIF orientation applied), at most `maxEdge` px, as JPEG with no metadata at all
 * (sharp writes none unless asked), plus a thumbnail. Pure: nothing is stored.
 */
export async function processPhoto(
  bytes: Buffer,
  contentType: string | undefined,
): Promise<ProcessedPhoto> {
  checkPhotoType(contentType);
  if (bytes.length > PHOTO_LIMITS.maxBytes) throw photoTooLarge();
  if (bytes.length === 0) throw invalidImage();
  let detected: string | undefined;
  try {
    detected = (await sharp(bytes).metadata()).format;
  } catch {
    throw invalidImage();
  }
  // The bytes must be one of the photo formats (an SVG or a GIF renamed .jpg is refused), not
  // necessarily the declared one: phones mislabel PNG screenshots as JPEG.
  if (!detected || !Object.values(TYPES).includes(detected)) throw invalidImage();
  const location = await readLocation(bytes);
  try {
    const full = await sharp(bytes, { failOn: 'error' })
      .rotate()
      .resize({
        width: PHOTO_LIMITS.maxEdge,
        height: PHOTO_LIMITS.maxEdge,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: PHOTO_LIMITS.quality })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(full.data)
      .resize({
        width: PHOTO_LIMITS.thumbEdge,
        height: PHOTO_LIMITS.thumbEdge,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .jpeg({ quality: PHOTO_LIMITS.thumbQuality })
      .toBuffer({ resolveWithObject: true });
    return {
      full: { data: full.data, width: full.info.width, height: full.info.height },
      thumb: { data: thumb.data, width: thumb.info.width, height: thumb.info.height },
      location,
    };
  } catch {
    throw invalidImage();
  }
}

/**
 * Receives a photo from anyone (the citizen before sending a report, the officer before
 * resolving): processes it, stores the photo and its thumbnail, and records it unattached.
 */
export async function uploadPhoto(
  deps: { db: Db; clock: Clock; store: FileStore },
  bytes: Buffer,
  contentType: string | undefined,
): Promise<UploadedPhoto> {
  const p = await processPhoto(bytes, contentType);
  const full = await deps.store.put(p.full.data);
  const thumb = await deps.store.put(p.thumb.data);
  const id = randomUUID();
  await repo.insert(deps.db, {
    id,
    report_id: null,
    stage: null,
    position: null,
    sha256: full.sha256,
    thumb_sha256: thumb.sha256,
    width: p.full.width,
    height: p.full.height,
    size: full.size,
    created_at: deps.clock.now(),
    attached_at: null,
  });
  return {
    id,
    width: p.full.width,
    height: p.full.height,
    url: urlOf(id),
    thumbUrl: `${urlOf(id)}/thumb`,
    preview: `data:image/jpeg;base64,${p.thumb.data.toString('base64')}`,
    location: p.location,
  };
}

/**
 * Attaches uploaded photos to a report inside the caller's transaction (`trx`): the citizen's
 * when the report is created, the officer's after-photos when it is resolved. 400
 * `photo_not_found` for an unknown or purged id, `photo_already_attached` for one in use.
 */
export async function attachPhotos(
  trx: Db,
  reportId: string,
  ids: readonly string[] | undefined,
  stage: PhotoStage,
  at: Date,
): Promise<number> {
  if (!ids?.length) return 0;
  if (new Set(ids).size !== ids.length || ids.length > PHOTO_LIMITS.perReport)
    throw new ValidationError(
      `Gửi tối đa ${PHOTO_LIMITS.perReport} ảnh, mỗi ảnh một lần.`,
      [{ path: 'body.photoIds', message: `Tối đa ${PHOTO_LIMITS.perReport} ảnh khác nhau.` }],
      'too_many_photos',
    );
  const before = await repo.countOf(trx, reportId, stage);
  const attached = await repo.attach(trx, reportId, ids, stage, before, at);
  if (attached.length === ids.length) return attached.length;
  const missing = ids.filter((id) => !attached.includes(id));
  const known = new Set(await repo.existing(trx, missing));
  const unknown = missing.filter((id) => !known.has(id));
  if (unknown.length)
    throw new ValidationError(
      'Không tìm thấy ảnh đã tải lên (ảnh chưa gửi kèm phản ánh chỉ được giữ 24 giờ). Hãy tải ảnh lên lại.',
      [{ path: 'body.photoIds', message: 'Hãy tải ảnh lên lại.' }],
      'photo_not_found',
    );
  throw new ValidationError(
    'Ảnh này đã được gửi kèm một phản ánh khác. Hãy tải ảnh lên lại.',
    [{ path: 'body.photoIds', message: 'Hãy tải ảnh lên lại.' }],
    'photo_already_attached',
  );
}

/** How photos appear in the staff and public views of a report. */
export function presentPhotos(rows: ReportPhotoRow[]): PhotoView[] {
  return rows.map((p) => ({
    id: p.id,
    stage: p.stage!,
    url: urlOf(p.id),
    thumbUrl: `${urlOf(p.id)}/thumb`,
    width: p.width,
    height: p.height,
  }));
}

/** A report's photos as shown (empty for a report without any). */
export async function photosOfReport(db: Db, reportId: string): Promise<PhotoView[]> {
  return presentPhotos(await repo.ofReport(db, reportId));
}

/**
 * The stored bytes of a photo or its thumbnail. Only attached photos are served: to anyone
 * while their report is public, and — once it is rejected, since a refused report is not
 * published — only to staff who may see that report. Otherwise 404.
 */
export async function photoFile(
  deps: { db: Db; store: FileStore },
  actor: Actor | null,
  id: string,
  variant: 'full' | 'thumb',
): Promise<{ bytes: Buffer; sha256: string; public: boolean }> {
  const notFound = () => new NotFoundError('Không tìm thấy ảnh.', 'photo_not_found');
  const p = await repo.findAttached(deps.db, id);
  if (!p) throw notFound();
  const isPublic = p.status !== 'rejected';
  if (!isPublic) {
    const lineage = [
      ...(await cachedUnitLineage(deps.db, p.unit_code, actor?.generations)),
      ...(await cachedUnitLineage(deps.db, p.handling_unit_code, actor?.generations)),
    ];
    if (rolesOverLineage(actor, lineage).size === 0) throw notFound();
  }
  const sha256 = variant === 'full' ? p.sha256 : p.thumb_sha256;
  return { bytes: deps.store.get(sha256), sha256, public: isPublic };
}

/** Deletes unattached photo rows older than the TTL (files stay: see docs, "Photos"). */
export async function purgeUnattachedPhotos(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - PHOTO_LIMITS.unattachedTtlMs);
  let total = 0;
  for (;;) {
    const n = await repo.purgeUnattached(db, before, 1000);
    total += n;
    if (n < 1000) return total;
  }
}
