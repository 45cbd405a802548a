/**
 * Per-unit statistics of field reports (thống kê phản ánh theo đơn vị): received, on time,
 * average working days to resolve, reopened and satisfaction, over the reports received in
 * a period (a cohort: a report counts in the period it arrived, whatever happens later).
 *
 * Definitions (docs/architecture.md, "Field reports — statistics"):
 * - finished: resolved or closed (a merge is not a resolution: merged reports are counted
 *   apart), or rejected;
 * - late: a stage finished after its deadline, or the sweep marked it overdue; open reports
 *   past their deadline are late too;
 * - on-time rate = on time / (finished + open past deadline) — Tam Phước's target "100% of
 *   reports handled on time" (seed 004) is this rate;
 * - working days to resolve: the unit's working calendar (holidays, Tết, compensatory days)
 *   between the day of receipt and the day of the (last) resolution.
 */
import { vnDateOf, vnDayEnd, vnDayStart, type WorkingCalendar } from '@cqs/shared/calendar/index';
import type { ReportUnitStats } from '@cqs/shared/reports/index';
import type { Actor } from '../../platform/actor.js';
import { ValidationError } from '../../platform/errors.js';
import { cachedCalendarFor } from '../calendar/index.js';
import { findUnitsByCodes } from '../org/index.js';
import { visibleUnitCodes } from './reports.access.js';
import type { ReportService } from './reports.service.js';
import { OPEN_STATUSES } from './reports.states.js';
import { reportsStatsRepository as repo, type StatsRow } from './reports.stats.repository.js';

export type UnitStats = ReportUnitStats;

const t = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

/** True when some stage of the report finished (or is still running) past its deadline. */
export function isLate(r: StatsRow, now: Date): boolean {
  if (r.overdue_at !== null) return true;
  const accepted = t(r.accepted_at);
  if (accepted !== null && accepted > t(r.accept_due_at)!) return true;
  const resolved = t(r.resolved_at);
  const resolveDue = t(r.resolve_due_at);
  if (resolved !== null && resolveDue !== null && resolved > resolveDue) return true;
  if ((OPEN_STATUSES as readonly string[]).includes(r.status)) {
    const due = t(r.due_at);
    return due !== null && due < now.getTime();
  }
  return false;
}

/** Aggregates one unit's rows (pure; the calendar counts working days). */
export function aggregate(
  unitCode: string,
  rows: readonly StatsRow[],
  cal: WorkingCalendar,
  now: Date,
): Omit<UnitStats, 'unitName'> {
  const s = {
    unitCode,
    received: rows.length,
    open: 0,
    finished: 0,
    resolved: 0,
    rejected: 0,
    merged: 0,
    onTime: 0,
    late: 0,
    overdueOpen: 0,
    reopened: 0,
    rated: 0,
  };
  let days = 0;
  let ratingSum = 0;
  for (const r of rows) {
    const late = isLate(r, now);
    if (r.reopen_count > 0) s.reopened++;
    if (r.rating !== null) {
      s.rated++;
      ratingSum += r.rating;
    }
    if (r.merged_into !== null) {
      s.merged++;
      continue;
    }
    if ((OPEN_STATUSES as readonly string[]).includes(r.status)) {
      s.open++;
      if (late) {
        s.overdueOpen++;
        s.late++;
      }
      continue;
    }
    s.finished++;
    if (r.status === 'rejected') s.rejected++;
    else if (r.resolved_at !== null) {
      s.resolved++;
      days += cal.workingDaysBetween(
        vnDateOf(new Date(r.created_at)),
        vnDateOf(new Date(r.resolved_at)),
      );
    }
    if (late) s.late++;
    else s.onTime++;
  }
  const rated = s.finished + s.overdueOpen;
  return {
    ...s,
    onTimeRate: rated === 0 ? null : round(s.onTime / rated, 4),
    avgWorkingDaysToResolve: s.resolved === 0 ? null : round(days / s.resolved, 1),
    avgRating: s.rated === 0 ? null : round(ratingSum / s.rated, 2),
    resolveWorkingDaysSum: days,
    ratingSum,
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

const DAY = 86_400_000;

/**
 * Statistics per handling unit of the reports the caller may see, received between `from`
 * and `to` (inclusive local days; default: from 1 January of this year to today), with a
 * total row. At most 366 days at a time.
 */
export async function reportStats(
  svc: ReportService,
  actor: Actor,
  q: { from?: string; to?: string; unit?: string },
) {
  const { db, clock } = svc.deps;
  const now = clock.now();
  const today = vnDateOf(now);
  const fromDay = q.from ?? `${today.slice(0, 4)}-01-01`;
  const toDay = q.to ?? today;
  const from = vnDayStart(fromDay);
  const to = vnDayEnd(toDay);
  if (to <= from)
    throw new ValidationError(
      'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
      [{ path: 'querystring.from', message: 'Chọn lại khoảng thời gian.' }],
      'invalid_period',
    );
  if (to.getTime() - from.getTime() > 366 * DAY)
    throw new ValidationError(
      'Mỗi lần thống kê tối đa 366 ngày.',
      [{ path: 'querystring.to', message: 'Chọn khoảng thời gian ngắn hơn.' }],
      'period_too_long',
    );
  const visible = await visibleUnitCodes(db, actor);
  const units = q.unit ? (visible && !visible.includes(q.unit) ? [] : [q.unit]) : visible;
  const rows = await repo.received(db, { from, to, units });
  const byUnit = new Map<string, StatsRow[]>();
  for (const r of rows) {
    const list = byUnit.get(r.handling_unit_code) ?? [];
    list.push(r);
    byUnit.set(r.handling_unit_code, list);
  }
  const names = await findUnitsByCodes(db, [...byUnit.keys()]);
  const items: UnitStats[] = [];
  for (const [code, list] of byUnit) {
    const cal = await cachedCalendarFor(db, clock, code, actor.generations);
    items.push({ ...aggregate(code, list, cal, now), unitName: names.get(code)?.name ?? null });
  }
  items.sort((a, b) => b.received - a.received || a.unitCode.localeCompare(b.unitCode));
  return { from: fromDay, to: toDay, items, total: totalOf(items) };
}

/** The sum of unit rows, means recomputed from the sums. */
export function totalOf(items: readonly UnitStats[]): Omit<UnitStats, 'unitCode' | 'unitName'> {
  const sum = (k: keyof UnitStats) => items.reduce((n, i) => n + (i[k] as number), 0);
  const onTime = sum('onTime');
  const rateBase = sum('finished') + sum('overdueOpen');
  const resolved = sum('resolved');
  const rated = sum('rated');
  const days = sum('resolveWorkingDaysSum');
  const ratings = sum('ratingSum');
  return {
    received: sum('received'),
    open: sum('open'),
    finished: sum('finished'),
    resolved,
    rejected: sum('rejected'),
    merged: sum('merged'),
    onTime,
    late: sum('late'),
    overdueOpen: sum('overdueOpen'),
    onTimeRate: rateBase === 0 ? null : round(onTime / rateBase, 4),
    avgWorkingDaysToResolve: resolved === 0 ? null : round(days / resolved, 1),
    reopened: sum('reopened'),
    rated,
    avgRating: rated === 0 ? null : round(ratings / rated, 2),
    resolveWorkingDaysSum: days,
    ratingSum: ratings,
  };
}
