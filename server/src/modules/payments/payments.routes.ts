import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.js';

/** HTTP routes of the payments module. */
export function paymentsRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
