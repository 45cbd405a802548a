import type { FastifyInstance } from 'fastify';

/**
 * One log line per answered request, at `debug` (an error for a 5xx). Fastify's own request
 * logging writes two `info` lines per request, which on `npm start` buried the printed URL,
 * admin password and demo logins under JSON; operators who want an access log set
 * LOG_LEVEL=debug.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    const line = {
      method: req.method,
      url: req.url,
      statusCode: reply.statusCode,
      responseTimeMs: Math.round(reply.elapsedTime),
    };
    if (reply.statusCode >= 500) req.log.error(line, 'request failed');
    else req.log.debug(line, 'request completed');
  });
}
