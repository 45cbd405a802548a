import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { MAX_PARAM_LENGTH } from './fastify-problems.js';
import { frameworkErrorOptions } from './framework-errors.js';
import { installInputGuard } from './input-guard.js';
import { installMetrics } from './metrics.js';
import { installProblemHandlers, sendProblem } from './problem.js';
import { trustProxyOption } from './proxy-trust.js';
import { installRequestLog } from './request-log.js';
import { installResponsePolicy } from './response-policy.js';

export type App = FastifyInstance;

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

/**
 * The HTTP server with everything modules share: zod validation and OpenAPI 3.1,
 * problem+json errors, security headers, cookies, rate limits, health and metrics, and the
 * built web app. Modules add their routes afterwards (see server/src/app.ts).
 */
export async function createServer(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as unknown as FastifyBaseLogger,
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    bodyLimit: 20 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    // Fastify's two info lines per request are replaced by request-log.ts (one line at debug).
    logController: new LogController({ disableRequestLogging: true }),
    ...frameworkErrorOptions,
  }).withTypeProvider<ZodTypeProvider>();
  installRequestLog(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  installInputGuard(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileSources(ctx.config.mapTileUrl)],
        // The signer's local signing app (docs/local-signing-app.md) listens on their own
        // loopback; only there, any port (the signer may change it on the signing screen).
        connectSrc: [
          "'self'",
          'http://127.0.0.1:*',
          'https://127.0.0.1:*',
          'http://localhost:*',
          'https://localhost:*',
        ],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // A commune often serves plain HTTP on its LAN (http://192.168.…); upgrading would
        // break every asset there. Behind HTTPS (COOKIE_SECURE) the upgrade is on.
        upgradeInsecureRequests: ctx.config.cookieSecure ? [] : null,
      },
    },
    // HSTS only makes sense behind TLS, which a reverse proxy provides in production.
    strictTransportSecurity: ctx.config.cookieSecure,
  });
  await app.register(cookie);
  installResponsePolicy(app); // no-store on signed-in answers and downloads; Retry-After
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `Quá nhiều yêu cầu; thử lại sau ${Math.ceil(c.ttl / 1000)} giây.`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Chính quyền số API',
        version: '1.0.0',
        description:
          'API của nền tảng Chính quyền số. Lỗi trả về theo RFC 9457 (application/problem+json) với trường `code` ổn định.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cqs_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Health check (checks the database)',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(ctx.kysely);
      } catch {
        return sendProblem(reply, {
          status: 503,
          code: 'database_unavailable',
          detail: 'Không kết nối được cơ sở dữ liệu.',
        });
      }
      return { status: 'ok' as const };
    },
  );
  installMetrics(app, () => ctx.jobs.queueDepth());
  await serveWebApp(app);
  return app;
}

/** Serves web/dist (when built) with the SPA fallback for non-API paths. */
async function serveWebApp(app: FastifyInstance): Promise<void> {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) return;
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url === '/metrics') {
      // This catch-all is where the router lands an API path whose segment is past the
      // parameter limit (it backtracks to the wildcard instead of refusing): answer as
      // without the web app, 414 uri_too_long (framework-errors.ts).
      if (url.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
        return sendProblem(reply, {
          status: 414,
          code: 'uri_too_long',
          detail: `Một phần của địa chỉ yêu cầu dài quá ${MAX_PARAM_LENGTH} ký tự.`,
        });
      }
      return sendProblem(reply, {
        status: 404,
        code: 'route_not_found',
        detail: `Không có địa chỉ ${req.method} ${url}.`,
      });
    }
    const file = path.join(webDist, path.normalize(url));
    if (file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(webDist, file));
    }
    return reply.sendFile('index.html');
  });
}

/**
 * The CSP image source of the map's tile server: its origin, with a `{s}` subdomain
 * placeholder widened to `*` (https://{s}.tile.example.vn → https://*.tile.example.vn).
 */
export function tileSources(tileUrl: string | undefined): string[] {
  if (!tileUrl) return [];
  const m = /^(https?:\/\/)([^/]+)/.exec(tileUrl);
  if (!m) return [];
  const host = m[2]!.replace(/\{s\}/g, '*');
  return /^[\w.*-]+(:\d+)?$/.test(host) ? [`${m[1]}${host}`] : [];
}
