// The rules of the indicators API: who sees which definition and value, and entered values.
// Published indicators are open data (anyone); unpublished ones only staff whose grants cover
// the unit — to everyone else they do not exist (404, docs/architecture.md authorization).
import type { IndicatorDefinition, Period } from '@cqs/shared/indicators/index';
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors.js';
import { holdsOver, requireSignedIn } from '../identity/index.js';
import { unitChildrenDuring } from '../org/index.js';
import { indicatorsRepository as repo } from './indicators.repository.js';
import {
  definitionOrThrow,
  periodOrThrow,
  subtreeOrThrow,
  type ValueNumbers,
  valuesFor,
} from './indicators.values.js';

const STAFF_ROLES: Role[] = ['admin', 'desk_officer', 'specialist', 'leader', 'secretariat'];
/** Who enters a unit's values: its administrator, leaders and the secretariat (issue 12). */
export const ENTERING_ROLES: Role[] = ['admin', 'leader', 'secretariat'];

export const isStaff = (a: Actor | null) => !!a && a.roles.some((g) => g.role !== 'citizen');

export interface ValueRow {
  indicator: string;
  unit: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

const row = (indicator: string, unit: string, period: string, v: ValueNumbers): ValueRow => ({
  indicator,
  unit,
  period,
  numerator: v.numerator,
  denominator: v.denominator,
  value: v.value,
});

export class IndicatorsService {
  constructor(private readonly db: Kysely<Database>) {}

  /** True when the actor may read this indicator's values for the unit. */
  async canSee(actor: Actor | null, def: IndicatorDefinition, unitCode: string): Promise<boolean> {
    if (def.published) return true;
    if (!actor || !isStaff(actor)) return false;
    return holdsOver(this.db, actor, STAFF_ROLES, unitCode);
  }

  /** Definitions: published ones to anyone, all of them to staff. */
  async list(actor: Actor | null): Promise<IndicatorDefinition[]> {
    const all = await repo.definitions(this.db);
    return isStaff(actor) ? all : all.filter((d) => d.published);
  }

  async values(
    actor: Actor | null,
    q: { indicator: string; unit: string; period: string; children?: boolean },
  ): Promise<ValueRow & { children?: ValueRow[] }> {
    const period = periodOrThrow(q.period);
    const def = await definitionOrThrow(this.db, q.indicator);
    const tree = await subtreeOrThrow(this.db, q.unit);
    // Unpublished and not theirs: the same answer as an unknown indicator.
    if (!(await this.canSee(actor, def, q.unit)))
      throw new NotFoundError(`Không có chỉ tiêu ${q.indicator}.`, 'indicator_not_found');
    const subtrees = new Map([[q.unit, tree]]);
    const children = q.children
      ? await unitChildrenDuring(this.db, q.unit, period.first, period.last)
      : [];
    for (const c of children) subtrees.set(c, await subtreeOrThrow(this.db, c));
    const vals = await valuesFor(this.db, def, subtrees, period);
    const top = row(def.code, q.unit, period.code, vals.get(q.unit)!);
    if (!q.children) return top;
    return { ...top, children: children.map((c) => row(def.code, c, period.code, vals.get(c)!)) };
  }

  /**
   * Enters (or replaces) the value of an entered or imported indicator for a unit and
   * period, audited, with the previous one kept in the event history.
   */
  async enter(
    actor: Actor | null,
    body: {
      indicator: string;
      unit: string;
      period: string;
      value: number;
      comment?: string | null;
    },
  ): Promise<ValueRow & { comment: string | null }> {
    const a = requireSignedIn(actor);
    if (!a.roles.some((g) => ENTERING_ROLES.includes(g.role)))
      throw new ForbiddenError(
        'Chỉ quản trị, lãnh đạo hoặc bộ phận tham mưu của đơn vị mới được nhập số liệu chỉ tiêu.',
      );
    const period: Period = periodOrThrow(body.period);
    const def = await definitionOrThrow(this.db, body.indicator);
    await subtreeOrThrow(this.db, body.unit);
    if (!(await holdsOver(this.db, a, ENTERING_ROLES, body.unit)))
      throw new NotFoundError(`Không có đơn vị mã ${body.unit}.`, 'unit_not_found');
    if (def.kind === 'computed')
      throw new ConflictError(
        `Chỉ tiêu ${def.code} được tính tự động từ dữ liệu, không nhập tay.`,
        'indicator_computed',
      );
    if (def.unit === '%' && (body.value < 0 || body.value > 100))
      throw new ValidationError(
        'Tỷ lệ phải từ 0 đến 100.',
        [{ path: 'value', message: '0–100' }],
        'value_out_of_range',
      );
    if (def.unit === 'count' && (body.value < 0 || !Number.isInteger(body.value)))
      throw new ValidationError(
        'Số lượng phải là số nguyên không âm.',
        [{ path: 'value', message: '≥ 0' }],
        'value_out_of_range',
      );
    const comment = body.comment?.trim() || null;
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.enteredValue(trx, {
        indicator: def.code,
        unitCode: body.unit,
        period: period.code,
      });
      await repo.putEnteredValue(trx, {
        indicator: def.code,
        unitCode: body.unit,
        period: period.code,
        firstDay: period.first,
        lastDay: period.last,
        value: body.value,
        comment,
        actorId: a.id,
        actorName: a.name,
      });
      await repo.logChanges(trx, [
        { indicator: def.code, unitCode: body.unit, firstDay: period.first, lastDay: period.last },
      ]);
      await recordAudit(trx, a, {
        action: 'indicator_value.set',
        entityType: 'indicator_value',
        entityId: `${def.code}:${body.unit}:${period.code}`,
        unitCode: body.unit,
        before: before ?? undefined,
        after: { value: body.value, comment },
      });
    });
    return {
      indicator: def.code,
      unit: body.unit,
      period: period.code,
      numerator: body.value,
      denominator: null,
      value: body.value,
      comment,
    };
  }
}
