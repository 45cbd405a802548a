import formbody from '@fastify/formbody';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  type FastifyPluginAsyncZod,
  hasZodFastifySchemaValidationErrors,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/context.js';
import { AppError, ValidationError } from '../../../platform/errors.js';
import type { ReportService } from '../reports.service.js';
import { hashApiKey, Open311ClientService } from './open311.clients.js';
import { open311ClientRoutes } from './open311.clients.routes.js';
import { readOpen311Form } from './open311.form.js';
import {
  formatOfPath,
  type Open311ErrorItem,
  type Open311Format,
  sendOpen311,
  sendOpen311Errors,
} from './open311.format.js';
import {
  CodeFormatParams,
  FormatParams,
  IdFormatParams,
  TokenFormatParams,
} from './open311.schemas.js';
import { Open311Service } from './open311.service.js';

/** The format named by a route's `.{fmt}` suffix; 400 for anything but xml and json. */
function formatOf(fmt: string): Open311Format {
  const f = fmt.toLowerCase();
  if (f === 'xml' || f === 'json') return f;
  throw new ValidationError(
    `Định dạng ".${fmt}" không được hỗ trợ: dùng .xml hoặc .json.`,
    [],
    'format_not_supported',
  );
}

/** A parameter from the query string or the form body (first value when repeated). */
function paramOf(req: FastifyRequest, key: string): string | undefined {
  for (const source of [req.query, req.body]) {
    if (!source || typeof source !== 'object') continue;
    const v = (source as Record<string, unknown>)[key];
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') return first;
  }
  return undefined;
}

/** The query as plain strings; a parameter given twice becomes a comma list. */
function queryOf(req: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string').join(',');
  }
  return out;
}

/**
 * The status GeoReport v2 allows: 404 unknown item, 403 bad or missing api_key, 400 for any
 * other refusal — and 429 (rate limit: the client must wait) and 500 (our fault) as they are.
 */
function open311Status(status: number): number {
  if (status === 403 || status === 404 || status === 429) return status;
  return status >= 500 ? 500 : 400;
}

/** An error as a GeoReport v2 error list: one entry per field problem, else one. */
function errorsOf(
  err: unknown,
  req: FastifyRequest,
): { status: number; errors: Open311ErrorItem[] } {
  if (err instanceof AppError) {
    const status = open311Status(err.status);
    const fields = Array.isArray(err.extra.errors)
      ? (err.extra.errors as { path: string; message: string }[])
      : [];
    const errors = fields.length
      ? fields.map((e) => ({ code: status, description: `${e.path}: ${e.message}` }))
      : [{ code: status, description: err.detail }];
    return { status, errors };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    return {
      status: 400,
      errors: err.validation.map((v) => ({
        code: 400,
        description: `${String(v.instancePath).replace(/^\//, '') || err.validationContext}: ${v.message}`,
      })),
    };
  }
  const e = err as FastifyError;
  const status = open311Status(e.statusCode && e.statusCode >= 400 ? e.statusCode : 500);
  if (status === 500) req.log.error({ err }, 'open311: unhandled error');
  const description =
    status === 429
      ? 'Quá nhiều yêu cầu từ ứng dụng này; vui lòng đợi một phút rồi gửi lại.'
      : status === 500
        ? 'Lỗi hệ thống. Vui lòng thử lại sau.'
        : e.statusCode === 415
          ? 'Gửi dữ liệu dạng application/x-www-form-urlencoded; charset=utf-8.'
          : e.statusCode === 413
            ? 'Dữ liệu gửi lên quá lớn.'
            : `Yêu cầu không hợp lệ: ${e.message}`;
  return { status, errors: [{ code: status, description }] };
}

function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  const path = req.url.split('?')[0];
  return sendOpen311Errors(reply, formatOfPath(req.url) ?? 'xml', 404, [
    {
      code: 404,
      description: `Không có địa chỉ ${req.method} ${path}. Xem danh sách ở /open311/v2/discovery.xml.`,
    },
  ]);
}

/**
 * GeoReport v2 under /open311/v2: form bodies, Open311 error lists (in the requested format,
 * XML by default) instead of problem+json, hidden from the OpenAPI document (it is not JSON
 * only and follows its own standard; docs/architecture.md describes it).
 */
function georeportRoutes(
  svc: Open311Service,
  clients: Open311ClientService,
): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(formbody);
    app.setErrorHandler((err, req, reply) => {
      const { status, errors } = errorsOf(err, req);
      return sendOpen311Errors(reply, formatOfPath(req.url) ?? 'xml', status, errors);
    });
    app.setNotFoundHandler(sendNotFound);
    app.addHook('preHandler', async (req) => {
      if (req.routeOptions.url?.endsWith('/*')) return;
      svc.checkJurisdiction(paramOf(req, 'jurisdiction_id'));
    });
    /** The client whose own unpublished (rejected) reports a GET may show, if it sent a key. */
    const reader = async (req: FastifyRequest) => {
      const key = paramOf(req, 'api_key');
      return key ? (await clients.authenticate(key)).id : null;
    };
    const hide = { hide: true };

    app.get('/discovery.:fmt', { schema: { ...hide, params: FormatParams } }, async (req, reply) =>
      sendOpen311(reply, formatOf(req.params.fmt), 'discovery', svc.discovery()),
    );

    app.get('/services.:fmt', { schema: { ...hide, params: FormatParams } }, async (req, reply) => {
      const fmt = formatOf(req.params.fmt);
      return sendOpen311(reply, fmt, 'services', await svc.services());
    });

    app.get(
      '/services/:code.:fmt',
      { schema: { ...hide, params: CodeFormatParams } },
      async (req, reply) => {
        const fmt = formatOf(req.params.fmt);
        return sendOpen311(reply, fmt, 'service_definition', await svc.definition(req.params.code));
      },
    );

    app.post(
      '/requests.:fmt',
      {
        schema: { ...hide, params: FormatParams },
        // Per client (its key), like the public POST /reports per address.
        config: {
          rateLimit: {
            max: 30,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (req: FastifyRequest) => {
              const key = paramOf(req, 'api_key');
              return key ? `open311:${hashApiKey(key).slice(0, 32)}` : `open311-ip:${req.ip}`;
            },
          },
        },
      },
      async (req, reply) => {
        const fmt = formatOf(req.params.fmt);
        const form = readOpen311Form(req.body);
        const client = await clients.authenticate(paramOf(req, 'api_key'));
        const created = await svc.createRequest(form, client.id);
        return sendOpen311(reply, fmt, 'service_requests', created, 201);
      },
    );

    app.get(
      '/tokens/:token.:fmt',
      { schema: { ...hide, params: TokenFormatParams } },
      async (req, reply) => {
        const fmt = formatOf(req.params.fmt);
        return sendOpen311(reply, fmt, 'service_requests', await svc.token(req.params.token));
      },
    );

    app.get('/requests.:fmt', { schema: { ...hide, params: FormatParams } }, async (req, reply) => {
      const fmt = formatOf(req.params.fmt);
      const list = await svc.listRequests(queryOf(req), await reader(req));
      return sendOpen311(reply, fmt, 'service_requests', list);
    });

    app.get(
      '/requests/:id.:fmt',
      { schema: { ...hide, params: IdFormatParams } },
      async (req, reply) => {
        const fmt = formatOf(req.params.fmt);
        const one = await svc.getRequest(req.params.id, await reader(req));
        return sendOpen311(reply, fmt, 'service_requests', one);
      },
    );

    // Anything else below /open311/v2 (also ahead of the web app's catch-all route).
    app.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: '/*',
      schema: hide,
      handler: sendNotFound,
    });
  };
}

/**
 * Open311 GeoReport v2 at /open311/v2 and its client keys' admin API at
 * /api/v1/open311/clients (register without a prefix).
 */
export function open311Routes(
  ctx: AppContext,
  reports: ReportService,
  opts: { maxRequests?: number } = {},
): FastifyPluginAsyncZod {
  const clients = new Open311ClientService({ db: ctx.kysely, clock: ctx.clock });
  const svc = new Open311Service({
    db: ctx.kysely,
    clock: ctx.clock,
    reports,
    publicUrl: ctx.config.publicUrl,
    jurisdictionId: ctx.config.open311JurisdictionId,
    jurisdictionUnit: ctx.config.open311JurisdictionUnit,
    maxRequests: opts.maxRequests,
  });
  return async (app) => {
    await app.register(georeportRoutes(svc, clients), { prefix: '/open311/v2' });
    await app.register(open311ClientRoutes(clients), { prefix: '/api/v1' });
  };
}
