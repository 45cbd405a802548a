import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { ValidationError } from '../../platform/errors.js';
import { requireSystemAdmin, requireUnitAdmin } from '../identity/index.js';
import {
  DaysQuery,
  DaysReply,
  DueQuery,
  DueReply,
  OverridesBody,
  SettingsBody,
  SettingsReply,
  UnitParams,
  YearParams,
} from './calendar.schemas.js';
import { CalendarService } from './calendar.service.js';

// ISO 8601 with an explicit offset or Z; a bare local time would be ambiguous.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Routes of the calendar module (lịch làm việc). */
export function calendarRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const calendar = new CalendarService(ctx.kysely, ctx.clock);
  return async (app) => {
    app.get(
      '/calendar/due',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Deadline of a period of working days or hours from a receipt instant',
          querystring: DueQuery,
          response: { 200: DueReply },
        },
        config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      },
      async (req) => {
        const { from, days, hours, unit } = req.query;
        const fromDate = new Date(from);
        if (!ISO_INSTANT.test(from) || Number.isNaN(fromDate.getTime())) {
          throw new ValidationError(
            'Thời điểm "from" phải theo ISO 8601 có múi giờ, ví dụ 2026-11-23T10:00:00+07:00.',
            [{ path: 'querystring.from', message: 'Sai định dạng ISO 8601.' }],
          );
        }
        return { due: await calendar.due(fromDate, { days, hours }, unit) };
      },
    );

    app.get(
      '/calendar/days',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Days off and swapped working days of a year',
          querystring: DaysQuery,
          response: { 200: DaysReply },
        },
      },
      async (req) => calendar.days(req.query.year, req.query.unit),
    );

    app.get(
      '/calendar/overrides/:year',
      {
        schema: {
          tags: ['calendar'],
          summary: "A year's official overrides",
          params: YearParams,
          response: { 200: OverridesBody },
        },
      },
      async (req) => calendar.overrides(req.params.year),
    );

    app.put(
      '/calendar/overrides/:year',
      {
        schema: {
          tags: ['calendar'],
          summary: "Replace a year's overrides (admin)",
          params: YearParams,
          body: OverridesBody,
          response: { 200: OverridesBody },
        },
      },
      async (req) => {
        const actor = requireSystemAdmin(req.actor);
        return calendar.replaceOverrides(actor, req.params.year, req.body);
      },
    );

    app.get(
      '/calendar/settings/:unitCode',
      {
        schema: {
          tags: ['calendar'],
          summary: "A unit's working hours and cut-off",
          params: UnitParams,
          response: { 200: SettingsReply },
        },
      },
      async (req) => {
        const { settings, inheritedFrom } = await calendar.settingsFor(req.params.unitCode);
        return { ...settings, unitCode: req.params.unitCode, inheritedFrom };
      },
    );

    app.put(
      '/calendar/settings/:unitCode',
      {
        schema: {
          tags: ['calendar'],
          summary: "Set a unit's working hours and cut-off (admin of the unit)",
          params: UnitParams,
          body: SettingsBody,
          response: { 200: SettingsReply },
        },
      },
      async (req) => {
        const actor = await requireUnitAdmin(ctx.kysely, req.actor, req.params.unitCode);
        return calendar.saveSettings(actor, req.params.unitCode, req.body);
      },
    );
  };
}
