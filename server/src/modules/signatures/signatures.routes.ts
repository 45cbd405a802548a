// GET/PUT/DELETE /signature-images… under /api/v1: the signature and seal images that visible
// digital signatures draw (signatures.service.ts says who may do what).
import path from 'node:path';
import {
  SIGNATURE_IMAGE_MAX_BYTES,
  SIGNATURE_IMAGE_TYPES,
  SignatureImagesReply,
  UnitSealParams,
} from '@cqs/shared/signatures/index';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { FileStore } from '../../platform/files/file-store.js';
import { requireStaff } from '../identity/index.js';
import { SignaturesService } from './signatures.service.js';

const tags = ['signatures'];
const UPLOAD = `The image as the raw body, Content-Type ${SIGNATURE_IMAGE_TYPES.join(', ')} (at most ${SIGNATURE_IMAGE_MAX_BYTES / 1024 / 1024} MB). A photo or scan on white paper is fine: the paper is made transparent, the image cropped to the ink and bounded to 800 px; 400 \`signature_image_invalid\` (not a readable image), \`signature_image_blank\`, \`signature_image_too_small\`.`;

/** The upload's bytes; anything but an image body (e.g. JSON) is refused as Fastify refuses unknown types. */
function imageBody(body: unknown): Buffer {
  if (Buffer.isBuffer(body) && body.length > 0) return body;
  throw new AppError(
    'unsupported_media_type',
    415,
    `Hãy gửi tệp ảnh (${SIGNATURE_IMAGE_TYPES.join(', ')}) làm nội dung yêu cầu.`,
  );
}

export function signaturesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const svc = new SignaturesService({
    db: ctx.kysely,
    clock: ctx.clock,
    store: new FileStore(path.join(ctx.config.dataDir, 'files')),
  });
  return async (app) => {
    app.addContentTypeParser(
      [...SIGNATURE_IMAGE_TYPES],
      { parseAs: 'buffer', bodyLimit: SIGNATURE_IMAGE_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/signature-images',
      {
        schema: {
          tags,
          summary:
            'The caller’s own signature image, and the seal images of the units where they are office, leader or administrator',
          response: { 200: SignatureImagesReply },
        },
      },
      async (req) => svc.overview(requireStaff(req.actor)),
    );
    app.get(
      '/signature-images/me/image.png',
      {
        schema: {
          tags,
          summary: 'The caller’s own signature image (PNG); 404 `signature_image_not_found`',
        },
      },
      async (req, reply) =>
        reply
          .type('image/png')
          .header('cache-control', 'private, no-store')
          .send(await svc.myImage(requireStaff(req.actor))),
    );
    app.put(
      '/signature-images/me',
      {
        schema: {
          tags,
          summary:
            'Set the caller’s handwritten-signature image, drawn in their visible signatures',
          description: UPLOAD,
          response: { 200: SignatureImagesReply },
        },
        bodyLimit: SIGNATURE_IMAGE_MAX_BYTES,
        // Refuse before reading a 5 MB body from someone who is not staff.
        onRequest: async (req) => {
          requireStaff(req.actor);
        },
      },
      async (req) => svc.setMine(requireStaff(req.actor), imageBody(req.body)),
    );
    app.delete(
      '/signature-images/me',
      {
        schema: {
          tags,
          summary: 'Remove the caller’s signature image; 404 when there is none',
          response: { 200: SignatureImagesReply },
        },
      },
      async (req) => svc.removeMine(requireStaff(req.actor)),
    );
    app.get(
      '/signature-images/units/:unitCode/image.png',
      {
        schema: {
          tags,
          summary:
            'A unit’s seal image (PNG) for staff of the unit, above or below it; 404 otherwise or when there is none',
          params: UnitSealParams,
        },
      },
      async (req, reply) =>
        reply
          .type('image/png')
          .header('cache-control', 'private, no-store')
          .send(await svc.sealImage(requireStaff(req.actor), req.params.unitCode)),
    );
    app.put(
      '/signature-images/units/:unitCode',
      {
        schema: {
          tags,
          summary:
            'Set a unit’s seal image (office, leader or administrator of the unit; administrators above it)',
          description: UPLOAD,
          params: UnitSealParams,
          response: { 200: SignatureImagesReply },
        },
        bodyLimit: SIGNATURE_IMAGE_MAX_BYTES,
        // Refuse before reading a 5 MB body from someone who is not staff.
        onRequest: async (req) => {
          requireStaff(req.actor);
        },
      },
      async (req) => svc.setSeal(requireStaff(req.actor), req.params.unitCode, imageBody(req.body)),
    );
    app.delete(
      '/signature-images/units/:unitCode',
      {
        schema: {
          tags,
          summary:
            'Remove a unit’s seal image; its signatures then draw none (the demo’s stand-in in a demo)',
          params: UnitSealParams,
          response: { 200: SignatureImagesReply },
        },
      },
      async (req) => svc.removeSeal(requireStaff(req.actor), req.params.unitCode),
    );
  };
}
