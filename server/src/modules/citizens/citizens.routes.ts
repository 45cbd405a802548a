import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.js';

/** HTTP routes of the citizens module. */
export function citizensRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
