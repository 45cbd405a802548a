import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor, Role } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import { NotFoundError } from '../../platform/errors.js';
import { holdsOver, requireStaff, requireSystemAdmin } from '../identity/index.js';
import { findUnitsByCodes, vnToday } from '../org/index.js';
import { trendFor } from './indicators.forecast.js';
import { gradePlanTargets } from './indicators.grading.js';
import { index766For, index766Setting, saveIndex766Setting } from './indicators.index766.js';
import {
  childUnits,
  compositeScores,
  DEFAULT_WEIGHT_SET,
  rankRows,
  type WeightItem,
  type WeightSet,
} from './indicators.ranking.js';
import { scoringRepository as repo } from './indicators.scoring.repository.js';
import {
  GradesReply,
  Index766Reply,
  Index766SettingReply,
  Index766SettingSchema,
  IndicatorParams,
  IndicatorRankingReply,
  PeriodQuery,
  PlanParams,
  RankingQuery,
  SetParams,
  SetRankingQuery,
  SetRankingReply,
  TrendQuery,
  TrendReply,
  UnitCodeParams,
  WeightSetBody,
  WeightSetReply,
  WeightSetsReply,
} from './indicators.scoring.schemas.js';
import {
  type PlanTargetSource,
  type ValueSource,
  valuesOfMany,
} from './indicators.scoring.sources.js';

/** What the composition root hands in: the engine's values and the plans' targets. */
export interface ScoringSources {
  values: ValueSource;
  plans: PlanTargetSource;
}

const STAFF: Role[] = ['admin', 'desk_officer', 'specialist', 'leader', 'secretariat'];

/**
 * Grades, the 766 index, rankings and trends (issue 12 deliver 5 and 8). Every read is for
 * staff holding a role over the unit asked about (its subtree); another unit's is 404, so
 * codes and plan ids cannot be probed. The 766 index is not public: its entered
 * sub-indicators and the setting itself are not published data (docs/indicators.md).
 */
export function indicatorsScoringRoutes(
  ctx: AppContext,
  sources: ScoringSources,
): FastifyPluginAsyncZod {
  const db = ctx.kysely;
  const today = () => vnToday(ctx.clock.now());
  const thisYear = () => today().slice(0, 4);

  /** 401/403 unless staff; 404 unless the unit exists and the caller holds a role over it. */
  async function staffOver(actor: Actor | null, unitCode: string): Promise<Actor> {
    const a = requireStaff(actor);
    // A system-wide grant holds over any code, known or not: ask for the unit as well.
    const known = (await findUnitsByCodes(db, [unitCode])).has(unitCode);
    if (!known || !(await holdsOver(db, a, STAFF, unitCode))) {
      throw new NotFoundError(`Không tìm thấy đơn vị mã ${unitCode}.`, 'unit_not_found');
    }
    return a;
  }

  async function unitNames(codes: string[]): Promise<Map<string, string>> {
    const found = await findUnitsByCodes(db, codes);
    return new Map(codes.map((c) => [c, found.get(c)?.name ?? c]));
  }

  async function weightSet(code: string): Promise<WeightSet & { isDefault: boolean }> {
    const row = await repo.weightSet(db, code);
    if (row)
      return { code: row.code, name: row.name, items: row.items as WeightItem[], isDefault: false };
    if (code === DEFAULT_WEIGHT_SET.code) return { ...DEFAULT_WEIGHT_SET, isDefault: true };
    throw new NotFoundError(`Không tìm thấy bộ trọng số ${code}.`, 'weight_set_not_found');
  }

  return async (app) => {
    app.get(
      '/units/:code/index-766',
      {
        schema: {
          tags: ['indicators'],
          summary: "A unit's 766 service index for a period (staff of the unit's subtree)",
          params: UnitCodeParams,
          querystring: PeriodQuery,
          response: { 200: Index766Reply },
        },
      },
      async (req) => {
        await staffOver(req.actor, req.params.code);
        const period = req.query.period ?? thisYear();
        const setting = await index766Setting(db);
        const result = await index766For(sources.values, setting, req.params.code, period);
        const points = setting.groups.reduce((a, g) => a + g.points, 0);
        return { unit: req.params.code, period, points, ...result };
      },
    );

    app.get(
      '/index-766/settings',
      {
        schema: {
          tags: ['indicators'],
          summary: "The 766 index's groups, points and target rates (staff)",
          response: { 200: Index766SettingReply },
        },
      },
      async (req) => {
        requireStaff(req.actor);
        return index766Setting(db);
      },
    );

    app.put(
      '/index-766/settings',
      {
        schema: {
          tags: ['indicators'],
          summary: "Replace the 766 index's points and targets (system administrator)",
          body: Index766SettingSchema,
          response: { 200: Index766SettingReply },
        },
      },
      async (req) => saveIndex766Setting(db, requireSystemAdmin(req.actor), req.body),
    );

    app.get(
      '/plans/:id/grades',
      {
        schema: {
          tags: ['indicators'],
          summary: "Grades of a plan's targets for a period (staff of the plan's unit subtree)",
          params: PlanParams,
          querystring: PeriodQuery,
          response: { 200: GradesReply },
        },
      },
      async (req) => {
        const actor = requireStaff(req.actor);
        const plan = await sources.plans.planTargets(req.params.id);
        if (!plan || !(await holdsOver(db, actor, STAFF, plan.plan.unitCode))) {
          throw new NotFoundError('Không tìm thấy kế hoạch.', 'plan_not_found');
        }
        const period = req.query.period ?? String(plan.plan.year);
        const items = await gradePlanTargets(sources.values, plan, { period, today: today() });
        return { plan: plan.plan, period, items };
      },
    );

    app.get(
      '/indicators/:code/ranking',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Child units of a unit ranked by one indicator for a period',
          params: IndicatorParams,
          querystring: RankingQuery,
          response: { 200: IndicatorRankingReply },
        },
      },
      async (req) => {
        const { unit, direction } = req.query;
        await staffOver(req.actor, unit);
        const period = req.query.period ?? thisYear();
        const children = await childUnits(db, unit, today());
        const names = await unitNames(children);
        const many = await valuesOfMany(sources.values, {
          indicator: req.params.code,
          unitCodes: children,
          period,
        });
        const rows = children.map((unitCode) => ({ unitCode, ...many.get(unitCode)! }));
        const ranked = rankRows(rows, (r) => r.value, direction);
        return {
          indicator: req.params.code,
          unit,
          period,
          direction,
          items: ranked.map(({ rank, row }) => ({
            rank,
            unitCode: row.unitCode,
            unitName: names.get(row.unitCode) ?? row.unitCode,
            numerator: row.numerator,
            denominator: row.denominator,
            value: row.value,
          })),
        };
      },
    );

    app.get(
      '/rankings/:set',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Child units of a unit ranked by a weighted composite score',
          params: SetParams,
          querystring: SetRankingQuery,
          response: { 200: SetRankingReply },
        },
      },
      async (req) => {
        const { unit } = req.query;
        await staffOver(req.actor, unit);
        const set = await weightSet(req.params.set);
        const period = req.query.period ?? thisYear();
        const children = await childUnits(db, unit, today());
        const names = await unitNames(children);
        const values = new Map<string, Map<string, number | null>>();
        for (const unitCode of children) values.set(unitCode, new Map());
        for (const item of set.items) {
          const many = await valuesOfMany(sources.values, {
            indicator: item.indicator,
            unitCodes: children,
            period,
          });
          for (const unitCode of children)
            values.get(unitCode)!.set(item.indicator, many.get(unitCode)?.value ?? null);
        }
        const ranked = rankRows(compositeScores(set, values), (r) => r.score, 'higher');
        return {
          set: { code: set.code, name: set.name },
          unit,
          period,
          items: ranked.map(({ rank, row }) => ({
            rank,
            unitCode: row.unitCode,
            unitName: names.get(row.unitCode) ?? row.unitCode,
            score: row.score,
            parts: row.parts,
          })),
        };
      },
    );

    app.get(
      '/ranking-sets',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Weight sets for composite rankings (staff)',
          response: { 200: WeightSetsReply },
        },
      },
      async (req) => {
        requireStaff(req.actor);
        const stored = (await repo.weightSets(db)).map((r) => ({
          code: r.code,
          name: r.name,
          items: r.items as WeightItem[],
          isDefault: false,
        }));
        const hasDefault = stored.some((s) => s.code === DEFAULT_WEIGHT_SET.code);
        return {
          items: hasDefault ? stored : [{ ...DEFAULT_WEIGHT_SET, isDefault: true }, ...stored],
        };
      },
    );

    app.post(
      '/ranking-sets',
      {
        schema: {
          tags: ['indicators'],
          summary: "Load or replace a weight set, e.g. a province's DTI-like set (system admin)",
          body: WeightSetBody,
          response: { 200: WeightSetReply, 201: WeightSetReply },
        },
      },
      async (req, reply) => {
        const actor = requireSystemAdmin(req.actor);
        const body = req.body;
        const created = await db.transaction().execute(async (trx) => {
          const before = await repo.weightSet(trx, body.code);
          const isNew = await repo.saveWeightSet(trx, body);
          await recordAudit(trx, actor, {
            action: isNew ? 'indicators.weight_set.create' : 'indicators.weight_set.replace',
            entityType: 'indicator_weight_set',
            entityId: body.code,
            before: before ? { name: before.name, items: before.items } : undefined,
            after: { name: body.name, items: body.items },
          });
          return isNew;
        });
        reply.code(created ? 201 : 200);
        return { ...body, isDefault: false };
      },
    );

    app.get(
      '/indicators/:code/trend',
      {
        schema: {
          tags: ['indicators'],
          summary: "An indicator's monthly values for a year and the year-end forecast",
          params: IndicatorParams,
          querystring: TrendQuery,
          response: { 200: TrendReply },
        },
      },
      async (req) => {
        const { unit, year, plan: planId } = req.query;
        const actor = await staffOver(req.actor, unit);
        let target = null;
        if (planId) {
          const plan = await sources.plans.planTargets(planId);
          if (!plan || !(await holdsOver(db, actor, STAFF, plan.plan.unitCode))) {
            throw new NotFoundError('Không tìm thấy kế hoạch.', 'plan_not_found');
          }
          target =
            plan.targets.find((t) => t.indicatorCode === req.params.code && t.unitCode === unit) ??
            plan.targets.find((t) => t.indicatorCode === req.params.code) ??
            null;
        }
        const decimals = (
          await sources.values.value({
            indicator: req.params.code,
            unitCode: unit,
            period: `${year}`,
          })
        ).decimals;
        return trendFor(
          sources.values,
          { indicator: req.params.code, unitCode: unit, year, today: today() },
          target,
          decimals,
        );
      },
    );
  };
}
