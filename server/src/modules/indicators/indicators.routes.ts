import net from 'node:net';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import {
  CodeParams,
  EnterValueBody,
  EnterValueReply,
  IndicatorList,
  StreamQuery,
  ValuesQuery,
  ValuesReply,
} from './indicators.schemas.js';
import { IndicatorsService } from './indicators.service.js';
import { HEARTBEAT_MS, IndicatorStreamHub, resolveSubscription } from './indicators.stream.js';

const tags = ['indicators'];

/** HTTP routes of the indicators module: definitions, values, entered values, live stream. */
export function indicatorsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const svc = new IndicatorsService(ctx.kysely);
  const hub = new IndicatorStreamHub(ctx.kysely, svc);
  return async (app) => {
    // Open streams would hold the server's close; they end first.
    app.addHook('preClose', async () => hub.close());

    app.get(
      '/indicators',
      {
        schema: {
          tags,
          summary:
            'Indicator definitions (chỉ tiêu): published ones to anyone (open data), all to staff',
          response: { 200: IndicatorList },
        },
      },
      async (req) => ({
        items: (await svc.list(req.actor)).map((d) => ({
          ...d,
          timing: d.spec?.timing ?? null,
          spec: d.spec as Record<string, unknown> | null,
        })),
        nextCursor: null,
      }),
    );

    app.get(
      '/indicators/stream',
      {
        schema: {
          tags,
          summary:
            'Server-sent events: {indicator, unit, period, value} when a value the caller may see changes (query: period, unit, indicator — comma-separated; default this year and month of the caller’s units and their ancestors)',
          querystring: StreamQuery,
        },
      },
      async (req, reply) => {
        const sub = await resolveSubscription(ctx.kysely, ctx.clock, req.actor, req.query);
        const stream = new PassThrough();
        reply
          .type('text/event-stream; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('x-accel-buffering', 'no');
        stream.write('retry: 2000\n: connected\n\n');
        // An in-process injection (app.inject) has no connection to hold open: it gets the
        // opening of the stream only, so callers such as the fuzz test see a finished answer.
        if (!(req.raw.socket instanceof net.Socket)) {
          stream.end();
          return reply.send(stream);
        }
        let ended = false;
        let unsubscribe = () => {};
        const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), HEARTBEAT_MS);
        const end = () => {
          if (ended) return;
          ended = true;
          clearInterval(heartbeat);
          unsubscribe();
          stream.end();
        };
        unsubscribe = await hub.subscribe(
          sub,
          (e) => stream.write(`event: value\ndata: ${JSON.stringify(e)}\n\n`),
          end,
        );
        reply.raw.on('close', end);
        // The client may have gone while the subscription was being made.
        if (req.raw.socket.destroyed) end();
        return reply.send(stream);
      },
    );

    app.get(
      '/indicators/:code/values',
      {
        schema: {
          tags,
          summary:
            "An indicator's value for a unit's subtree and a period (2026, 2026Q3, 2026S1, 202611, 20261122); children=true adds a row per child unit",
          params: CodeParams,
          querystring: ValuesQuery,
          response: { 200: ValuesReply },
        },
      },
      async (req) =>
        svc.values(req.actor, {
          indicator: req.params.code,
          unit: req.query.unit,
          period: req.query.period,
          children: req.query.children === 'true',
        }),
    );

    app.post(
      '/indicator-values',
      {
        schema: {
          tags,
          summary:
            'Enter (or replace) the value of an entered or imported indicator for a unit and period (unit administrator, leader or secretariat of the unit)',
          body: EnterValueBody,
          response: { 200: EnterValueReply },
        },
      },
      async (req) => svc.enter(req.actor, req.body),
    );
  };
}

/**
 * When the app is ready, syncs the definition library (`prepare`); runs the fact follower
 * while the app listens (main and each WORKERS process) and stops it when the app closes. An
 * app that never listens (tests with app.inject) does not fold: they call drainFacts.
 */
export function followFactsWhileListening(
  app: FastifyInstance,
  ctx: AppContext,
  prepare: (ctx: AppContext) => Promise<void>,
  start: (ctx: AppContext) => { stop(): Promise<void> },
): void {
  let follower: { stop(): Promise<void> } | undefined;
  app.addHook('onReady', async () => prepare(ctx));
  app.addHook('onListen', async () => {
    follower ??= start(ctx);
  });
  app.addHook('onClose', async () => {
    await follower?.stop();
    follower = undefined;
  });
}
