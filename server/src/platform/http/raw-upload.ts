// File uploads as raw bodies (the bytes as the body, the file's type as Content-Type, the name
// in the query): one way for every module that takes files (dossiers, tasks, portal).
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Makes the routes of this plugin take a body of any type as raw bytes; `application/json`
 * keeps Fastify's own parser (more specific parsers win), so the JSON routes beside the
 * upload are unchanged.
 */
export function acceptRawBodies(app: FastifyInstance): void {
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
}

/** The uploaded file's bytes and declared type (a JSON body is taken as its text). */
export function rawUpload(req: FastifyRequest): { bytes: Buffer; mime: string } {
  return {
    bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? '')),
    mime: req.headers['content-type'] ?? 'application/octet-stream',
  };
}
