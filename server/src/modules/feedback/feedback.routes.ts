import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.js';

/** HTTP routes of the feedback module. */
export function feedbackRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
