import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPhotoJpeg,
  buildReportArea,
  buildReportInput,
} from '../../../test/factories/reports.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { FileStore } from '../../platform/files/file-store.js';
import { HEIC_SUPPORTED, PHOTO_LIMITS } from './reports.photos.js';

const clock = new FixedClock(new Date('2027-03-01T02:00:00Z')); // Mon 09:00 +07
let t: TestApp;
let area: Awaited<ReturnType<typeof buildReportArea>>;
let store: FileStore;
let camera: Buffer;
beforeAll(async () => {
  t = await createTestApp({ clock });
  area = await buildReportArea(t);
  store = new FileStore(path.join(t.ctx.config.dataDir, 'files'));
  camera = await buildPhotoJpeg({ gps: { lat: 10.3812, long: 105.7531 }, orientation: 6 });
});
afterAll(() => t.close());

// Each request from its own address: the public routes are rate-limited per client.
let ip = 0;
const nextIp = () => `10.9.${Math.floor(++ip / 250)}.${ip % 250}`;
const upload = (
  bytes: Buffer | string,
  type = 'image/jpeg',
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/report-photos',
    payload: bytes,
    headers: { 'content-type': type, ...headers },
    remoteAddress: nextIp(),
  });
const uploadOk = async (bytes: Buffer = camera, headers: Record<string, string> = {}) => {
  const res = await upload(bytes, 'image/jpeg', headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    width: number;
    height: number;
    url: string;
    thumbUrl: string;
    preview: string;
    location: { lat: number; long: number } | null;
  };
};
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    payload: payload as never,
    headers,
    remoteAddress: nextIp(),
  });
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const photoCount = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from report_photo`.execute(t.db.kysely))
    .rows[0]!.n;
const reportCount = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from report`.execute(t.db.kysely)).rows[0]!.n;
const storedFiles = () =>
  fs.existsSync(path.join(t.ctx.config.dataDir, 'files'))
    ? fs.readdirSync(path.join(t.ctx.config.dataDir, 'files'), { recursive: true }).length
    : 0;
const rowOf = (id: string) =>
  t.db.kysely.selectFrom('report_photo').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const createReport = async (overrides: Record<string, unknown> = {}) => {
  const res = await post('/reports', buildReportInput(area, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string; followToken: string };
};
const act = (id: string, body: Record<string, unknown>, who: { headers: Record<string, string> }) =>
  post(`/reports/${id}/actions`, body, who.headers);

/** Every metadata block exifr knows, read from the bytes. */
const allMetadata = (bytes: Buffer) =>
  exifr.parse(bytes, {
    tiff: true,
    exif: true,
    gps: true,
    interop: true,
    ifd1: true,
    xmp: true,
    icc: true,
    iptc: true,
    jfif: false,
    ihdr: false,
  });

describe('uploading a photo', () => {
  it('reads the GPS position, turns the photo upright, resizes it and stores it with no metadata at all', async () => {
    const original = await exifr.parse(camera, true);
    expect(original.Make).toBe('MayAnhThu');
    expect(original.Orientation).toBeDefined();

    const p = await uploadOk();
    // 2400×1800 taken sideways (orientation 6): upright it is 1800×2400 → 1200×1600.
    expect([p.width, p.height]).toEqual([1200, 1600]);
    expect(p.location).toEqual({ lat: 10.3812, long: 105.7531 });
    expect(p.url).toBe(`/api/v1/public/report-photos/${p.id}`);
    expect(p.thumbUrl).toBe(`/api/v1/public/report-photos/${p.id}/thumb`);
    expect(p.preview).toMatch(/^data:image\/jpeg;base64,/);

    const row = await rowOf(p.id);
    expect(row.report_id).toBeNull();
    expect(row.stage).toBeNull();
    expect(new Date(row.created_at)).toEqual(clock.now());
    for (const sha of [row.sha256, row.thumb_sha256]) {
      const bytes = store.get(sha);
      expect(await allMetadata(bytes)).toBeUndefined();
      expect(await exifr.gps(bytes)).toBeUndefined();
      // No APP1 "Exif" segment, no XMP, no embedded ICC profile.
      expect(bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);
      expect(bytes.includes(Buffer.from('http://ns.adobe.com/xap'))).toBe(false);
      expect(bytes.includes(Buffer.from('ICC_PROFILE'))).toBe(false);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
    const full = await sharp(store.get(row.sha256)).metadata();
    expect([full.width, full.height]).toEqual([1200, 1600]);
    expect(row.size).toBe(store.get(row.sha256).length);
    const thumb = await sharp(store.get(row.thumb_sha256)).metadata();
    expect([thumb.width, thumb.height]).toEqual([240, 320]);
    // The preview is the stored thumbnail.
    expect(
      Buffer.from(p.preview.split(',')[1]!, 'base64').equals(store.get(row.thumb_sha256)),
    ).toBe(true);
  });

  it('never enlarges a small picture; PNG and WebP are accepted; no GPS → no location', async () => {
    const png = await buildPhotoJpeg({ width: 100, height: 80, format: 'png' });
    const res = await upload(png, 'image/png');
    expect(res.statusCode, res.body).toBe(201);
    expect([res.json().width, res.json().height]).toEqual([100, 80]);
    expect(res.json().location).toBeNull();
    const webp = await buildPhotoJpeg({ width: 3200, height: 800, format: 'webp' });
    const w = await upload(webp, 'image/webp');
    expect(w.statusCode, w.body).toBe(201);
    expect([w.json().width, w.json().height]).toEqual([1600, 400]);
    // A PNG a phone labels image/jpeg is still a photo.
    const mislabelled = await upload(png, 'image/jpeg');
    expect(mislabelled.statusCode).toBe(201);
  });

  it('refuses a corrupt or non-image file with 400 invalid_image and stores nothing', async () => {
    const rows = await photoCount();
    const files = storedFiles();
    const truncated = camera.subarray(0, 600);
    const cases: [Buffer | string, string][] = [
      [truncated, 'image/jpeg'],
      [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]), 'image/jpeg'],
      ['Đây không phải là ảnh', 'image/jpeg'],
      [
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
        'image/png',
      ],
      [Buffer.alloc(0), 'image/jpeg'],
    ];
    for (const [bytes, type] of cases) {
      const res = await upload(bytes, type);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('invalid_image');
      expect(res.json().detail).toContain('không phải là ảnh');
    }
    expect(await photoCount()).toBe(rows);
    expect(storedFiles()).toBe(files);
  });

  it('refuses other types with 415 and a Vietnamese message, HEIC unless this install reads it', async () => {
    const pdf = await upload('%PDF-1.4 …', 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().code).toBe('photo_type_not_allowed');
    expect(pdf.json().detail).toContain('JPEG, PNG hoặc WebP');
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/report-photos',
      payload: { not: 'a photo' },
      remoteAddress: nextIp(),
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('photo_type_not_allowed');
    const heic = await upload(camera, 'image/heic');
    if (HEIC_SUPPORTED) expect(heic.statusCode).not.toBe(415);
    else {
      expect(heic.statusCode).toBe(415);
      expect(heic.json().code).toBe('photo_heic_not_supported');
      expect(heic.json().detail).toContain('HEIC');
    }
  });

  it('refuses a photo over the size limit with 413 photo_too_large', async () => {
    const rows = await photoCount();
    const big = Buffer.concat([camera, Buffer.alloc(PHOTO_LIMITS.maxBytes, 1)]);
    const res = await upload(big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('photo_too_large');
    expect(res.json().detail).toContain('15 MB');
    expect(await photoCount()).toBe(rows);
  });
});

describe('photos on a report', () => {
  it('attaches the photos when the report is sent, in order; staff and the public see them and get the files', async () => {
    const a = await uploadOk();
    const b = await uploadOk(await buildPhotoJpeg({ width: 800, height: 600 }));
    const r = await createReport({ photoIds: [b.id, a.id] });
    const rowA = await rowOf(a.id);
    expect(rowA.report_id).toBe(r.id);
    expect(rowA.stage).toBe('report');
    expect(rowA.position).toBe(1);
    expect(rowA.attached_at).not.toBeNull();

    const staff = (await get(`/api/v1/reports/${r.id}`, area.leader.headers)).json();
    expect(staff.photos).toEqual([
      {
        id: b.id,
        stage: 'report',
        url: b.url,
        thumbUrl: b.thumbUrl,
        width: 800,
        height: 600,
      },
      { id: a.id, stage: 'report', url: a.url, thumbUrl: a.thumbUrl, width: 1200, height: 1600 },
    ]);
    expect(staff.events[0].payload.photos).toBe(2);
    const pub = (await get(`/api/v1/public/reports/${r.code}`)).json();
    expect(pub.photos.map((p: { id: string }) => p.id)).toEqual([b.id, a.id]);

    const file = await get(a.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['cache-control']).toContain('immutable');
    expect(file.headers['cache-control']).toContain('public');
    expect(file.rawPayload.equals(store.get(rowA.sha256))).toBe(true);
    expect(await exifr.gps(file.rawPayload)).toBeUndefined();
    const again = await get(a.url, { 'if-none-match': String(file.headers.etag) });
    expect(again.statusCode).toBe(304);
    const thumb = await get(a.thumbUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.rawPayload.equals(store.get(rowA.thumb_sha256))).toBe(true);
  });

  it('serves only attached photos', async () => {
    const p = await uploadOk();
    for (const url of [p.url, p.thumbUrl]) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('photo_not_found');
    }
    expect((await get('/api/v1/public/report-photos/not-a-uuid')).statusCode).toBe(400);
  });

  it('refuses more than 5, the same one twice, an unknown one, or one already on a report — and files nothing', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5, 6].map(async () => (await uploadOk()).id));
    const before = await reportCount();
    const six = await post('/reports', buildReportInput(area, { photoIds: ids }));
    expect(six.statusCode).toBe(400);
    expect(six.json().errors[0].path).toBe('body.photoIds');
    expect(six.json().errors[0].message).toContain('tối đa 5');
    const twice = await post('/reports', buildReportInput(area, { photoIds: [ids[0], ids[0]] }));
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].message).toContain('một lần');
    const unknown = await post(
      '/reports',
      buildReportInput(area, { photoIds: [ids[0], '0b7f6a52-8a8e-4a55-9a1e-6f1c2d3e4f50'] }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('photo_not_found');
    expect(await reportCount()).toBe(before);
    // The refused report left its photo free: it can still be sent.
    expect((await rowOf(ids[0]!)).report_id).toBeNull();

    const first = await createReport({ photoIds: ids.slice(0, 5) });
    const reuse = await post('/reports', buildReportInput(area, { photoIds: [ids[4], ids[5]] }));
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().code).toBe('photo_already_attached');
    expect((await rowOf(ids[4]!)).report_id).toBe(first.id);
    expect((await rowOf(ids[5]!)).report_id).toBeNull();
    // Codes stay gap-free: the refused creations used no number.
    const next = await createReport();
    expect(Number(next.code.slice(-4))).toBe(Number(first.code.slice(-4)) + 1);
  });

  it('the officer adds after-photos when resolving (resolve only); they follow the citizen’s photos', async () => {
    const citizen = await uploadOk();
    const r = await createReport({ photoIds: [citizen.id] });
    for (const [action, extra, version] of [
      ['accept', {}, 1],
      ['assign', { assigneeUsername: area.specialist.username }, 2],
      ['start', {}, 3],
    ] as const) {
      const res = await act(r.id, { action, version, ...extra }, area.leader);
      expect(res.statusCode, res.body).toBe(200);
    }
    // Staff upload through the same endpoint, signed in.
    const after1 = await uploadOk(
      await buildPhotoJpeg({ width: 640, height: 480 }),
      area.specialist.headers,
    );
    const after2 = await uploadOk(undefined, area.specialist.headers);
    const wrongAction = await act(
      r.id,
      { action: 'close', version: 4, photoIds: [after1.id] },
      area.leader,
    );
    expect(wrongAction.statusCode).toBe(400);
    expect(wrongAction.json().code).toBe('photos_not_allowed');
    const reused = await act(
      r.id,
      { action: 'resolve', version: 4, reply: 'Đã sửa xong.', photoIds: [citizen.id] },
      area.specialist,
    );
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('photo_already_attached');
    const res = await act(
      r.id,
      {
        action: 'resolve',
        version: 4,
        reply: 'Đã thay bóng đèn, ảnh sau khi sửa kèm theo.',
        photoIds: [after1.id, after2.id],
      },
      area.specialist,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('resolved');
    expect(res.json().photos.map((p: { id: string; stage: string }) => [p.id, p.stage])).toEqual([
      [citizen.id, 'report'],
      [after1.id, 'resolution'],
      [after2.id, 'resolution'],
    ]);
    expect(res.json().events.at(-1).payload.photos).toBe(2);
    const pub = (await get(`/api/v1/public/reports/${r.code}`)).json();
    expect(pub.photos.filter((p: { stage: string }) => p.stage === 'resolution')).toHaveLength(2);
    expect((await get(after1.url)).statusCode).toBe(200);
  });

  it('a rejected report’s photos are not public any more; its staff still see them, privately', async () => {
    const p = await uploadOk();
    const r = await createReport({ photoIds: [p.id] });
    expect((await get(p.url)).statusCode).toBe(200);
    const res = await act(
      r.id,
      { action: 'reject', version: 1, reason: 'Không thuộc phạm vi tiếp nhận.' },
      area.desk,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(p.url)).statusCode).toBe(404);
    expect((await get(p.thumbUrl)).statusCode).toBe(404);
    expect((await get(p.url, area.outsider.headers)).statusCode).toBe(404);
    const staff = await get(p.url, area.leader.headers);
    expect(staff.statusCode).toBe(200);
    expect(staff.headers['cache-control']).toBe('private, no-store');
    const mine = (await get(`/api/v1/public/reports/${r.code}?token=${r.followToken}`)).json();
    expect(mine.status).toBe('rejected');
    expect(mine.photos).toEqual([]);
  });
});

describe('purging unattached photos', () => {
  it('deletes rows never attached after 24 hours, keeps attached and recent ones; running twice is harmless', async () => {
    const attachedPhoto = await uploadOk();
    await createReport({ photoIds: [attachedPhoto.id] });
    const old = await uploadOk();
    clock.advance(23 * 3_600_000);
    const recent = await uploadOk();
    clock.advance(2 * 3_600_000);
    for (let i = 0; i < 2; i++) {
      await t.ctx.jobs.enqueue(t.ctx.kysely, 'report.purge-unattached-photos', {});
      await t.ctx.jobs.tick();
    }
    const left = await t.db.kysely
      .selectFrom('report_photo')
      .select('id')
      .where('id', 'in', [attachedPhoto.id, old.id, recent.id])
      .execute();
    expect(left.map((r) => r.id).sort()).toEqual([attachedPhoto.id, recent.id].sort());
    // A purged photo can no longer be sent.
    const late = await post('/reports', buildReportInput(area, { photoIds: [old.id] }));
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('photo_not_found');
    // Its files stay: they are content-addressed and the attached photo shares them.
    expect((await get(attachedPhoto.url)).statusCode).toBe(200);
  });
});
