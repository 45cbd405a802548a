import path from 'node:path';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { FileStore } from '../../platform/files/file-store.js';
import {
  checkPhotoType,
  PHOTO_CONTENT_TYPES,
  PHOTO_LIMITS,
  photoFile,
  photoTooLarge,
  uploadPhoto,
} from './reports.photos.js';
import type { ReportService } from './reports.service.js';

const publicTags = ['public'];
const PhotoParams = z.object({ id: z.uuid('Mã ảnh không hợp lệ.') });
const UploadReply = z.object({
  id: z.uuid(),
  width: z.number(),
  height: z.number(),
  /** Where the photo is served once attached to a report. */
  url: z.string(),
  thumbUrl: z.string(),
  /** The stored thumbnail as a data: URL, to show before the report is sent. */
  preview: z.string(),
  /** The EXIF GPS position of the original (not stored), to offer as the report's location. */
  location: z.object({ lat: z.number(), long: z.number() }).nullable(),
});

// Attached photos never change (a new upload is a new id): browsers may keep them a week.
// Not a year: rejecting a report withdraws its photos, and shared caches should follow soon.
const PUBLIC_CACHE = 'public, max-age=604800, immutable';

/** Routes of report photos (ảnh phản ánh): upload, and the public photo and thumbnail. */
export function reportPhotosRoutes(ctx: AppContext, svc: ReportService): FastifyPluginAsyncZod {
  const store = new FileStore(path.join(ctx.config.dataDir, 'files'));
  const deps = { db: svc.deps.db, clock: svc.deps.clock, store };
  return async (app) => {
    // The photo arrives as the raw body. Read here with our own limit (scoped to this plugin),
    // so an oversized or non-image upload gets its own code instead of a generic 413/415.
    app.addContentTypeParser('*', (req, payload, done) => {
      try {
        checkPhotoType(req.headers['content-type']);
      } catch (err) {
        return done(err as Error, undefined);
      }
      if (Number(req.headers['content-length'] ?? 0) > PHOTO_LIMITS.maxBytes)
        return done(photoTooLarge(), undefined);
      const chunks: Buffer[] = [];
      let size = 0;
      let finished = false;
      payload.on('data', (chunk: Buffer) => {
        if (finished) return;
        size += chunk.length;
        if (size > PHOTO_LIMITS.maxBytes) {
          finished = true;
          done(photoTooLarge(), undefined);
        } else chunks.push(chunk);
      });
      payload.on('end', () => {
        if (!finished) done(null, Buffer.concat(chunks));
      });
      payload.on('error', (err: Error) => {
        if (!finished) done(err, undefined);
        finished = true;
      });
    });

    app.post(
      '/report-photos',
      {
        schema: {
          tags: publicTags,
          summary: `Upload a photo for a field report (no sign-in needed): the raw image as the body with its Content-Type (${PHOTO_CONTENT_TYPES.join(', ')}), at most ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MB. Stored resized, without metadata; send its id in photoIds within 24 hours.`,
          response: { 201: UploadReply },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const photo = await uploadPhoto(deps, bytes, req.headers['content-type']);
        return reply.status(201).send(photo);
      },
    );

    const serve = async (
      id: string,
      variant: 'full' | 'thumb',
      actor: Parameters<typeof photoFile>[1],
      etag: string | undefined,
      reply: FastifyReply,
    ) => {
      const file = await photoFile(deps, actor, id, variant);
      const tag = `"${file.sha256}"`;
      reply
        .header('cache-control', file.public ? PUBLIC_CACHE : 'private, no-store')
        .header('etag', tag)
        .header('content-disposition', `inline; filename="phan-anh-${id}.jpg"`);
      // Public photos may be shown by other sites (open data, Open311 clients).
      if (file.public) reply.header('cross-origin-resource-policy', 'cross-origin');
      if (etag === tag) return reply.status(304).send();
      return reply.type('image/jpeg').send(file.bytes);
    };

    app.get(
      '/public/report-photos/:id',
      {
        schema: {
          tags: publicTags,
          summary: 'A photo of a field report (JPEG, at most 1600 px, no metadata)',
          params: PhotoParams,
        },
      },
      async (req, reply) =>
        serve(req.params.id, 'full', req.actor, req.headers['if-none-match'], reply),
    );

    app.get(
      '/public/report-photos/:id/thumb',
      {
        schema: {
          tags: publicTags,
          summary: 'The thumbnail of a field report photo (JPEG, at most 320 px)',
          params: PhotoParams,
        },
      },
      async (req, reply) =>
        serve(req.params.id, 'thumb', req.actor, req.headers['if-none-match'], reply),
    );
  };
}
