import {
  type CalendarSettings,
  DEFAULT_CALENDAR_SETTINGS,
  type IsoDate,
  toVnIso,
  WorkingCalendar,
  type YearOverrides,
} from '@cqs/shared/calendar/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { findUnitsByCodes, unitLineage } from '../org/index.js';
import { calendarRepository as repo } from './calendar.repository.js';

type Db = Kysely<Database>;

/** Runs the shared calendar's constructor checks and turns a RangeError into a 400. */
function build(
  settings: CalendarSettings,
  overrides: Record<number, YearOverrides>,
): WorkingCalendar {
  try {
    return new WorkingCalendar({ settings, overrides });
  } catch (err) {
    if (err instanceof RangeError)
      throw new ValidationError(`Lịch làm việc không hợp lệ: ${err.message}`);
    throw err;
  }
}

/**
 * The working-day calendar as stored: statutory rules (shared/src/calendar) + the yearly
 * overrides an admin entered + per-unit working hours inherited down the unit tree.
 */
export class CalendarService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The effective settings of a unit: its own, or the nearest ancestor's, or the defaults. */
  async settingsFor(
    unitCode?: string,
  ): Promise<{ settings: CalendarSettings; inheritedFrom: string | null }> {
    if (!unitCode) return { settings: DEFAULT_CALENDAR_SETTINGS, inheritedFrom: null };
    const lineage = await unitLineage(this.db, unitCode);
    if (lineage.length === 0)
      throw new NotFoundError(`Không có đơn vị mã ${unitCode}.`, 'unit_not_found');
    const own = await repo.settingsOf(this.db, lineage);
    for (const code of lineage) {
      const s = own.get(code);
      if (s) return { settings: s, inheritedFrom: code === unitCode ? null : code };
    }
    return { settings: DEFAULT_CALENDAR_SETTINGS, inheritedFrom: null };
  }

  /** A calendar for a unit (or the defaults), with every stored override. */
  async calendarFor(unitCode?: string): Promise<WorkingCalendar> {
    const [{ settings }, overrides] = await Promise.all([
      this.settingsFor(unitCode),
      repo.allOverrides(this.db),
    ]);
    return build(settings, overrides);
  }

  /** The due instant of a period counted from a receipt instant. */
  async due(
    from: Date,
    period: { days?: number; hours?: number },
    unitCode?: string,
  ): Promise<string> {
    const cal = await this.calendarFor(unitCode);
    try {
      const due =
        period.days !== undefined
          ? cal.dueByWorkingDays(from, period.days)
          : cal.dueByWorkingHours(from, period.hours!);
      return toVnIso(due);
    } catch (err) {
      if (err instanceof RangeError)
        throw new ValidationError(`Không tính được hạn: ${err.message}`);
      throw err;
    }
  }

  /** Every non-working day of a year and every override working day (for the month view). */
  async days(year: number, unitCode?: string) {
    const cal = await this.calendarFor(unitCode);
    const named = new Map(cal.daysOff(year).map((h) => [h.date, h]));
    const days: {
      date: IsoDate;
      kind: 'weekend' | 'holiday' | 'compensatory' | 'override_off' | 'override_working';
      nameVi: string | null;
      nameEn: string | null;
    }[] = [];
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const kind = cal.dayKind(date);
      if (kind === 'working') continue;
      const h = named.get(date);
      days.push({ date, kind, nameVi: h?.nameVi ?? null, nameEn: h?.nameEn ?? null });
    }
    return { year, days };
  }

  /** The overrides of a year as entered. */
  overrides(year: number): Promise<YearOverrides> {
    return repo.overridesOf(this.db, year);
  }

  /** Replaces a year's overrides; validated by building a calendar with them first. */
  async replaceOverrides(actor: Actor, year: number, input: YearOverrides): Promise<YearOverrides> {
    const clean = {
      daysOff: [...new Set(input.daysOff)].sort(),
      workingDays: [...new Set(input.workingDays)].sort(),
    };
    const wrongYear = [...clean.daysOff, ...clean.workingDays].filter(
      (d) => !d.startsWith(`${year}-`),
    );
    if (wrongYear.length > 0) {
      throw new ValidationError(`Các ngày ${wrongYear.join(', ')} không thuộc năm ${year}.`, [
        { path: 'body', message: `Chỉ nhập ngày của năm ${year}.` },
      ]);
    }
    const both = clean.daysOff.filter((d) => clean.workingDays.includes(d));
    if (both.length > 0)
      throw new ValidationError(`Ngày ${both.join(', ')} vừa là ngày nghỉ vừa là ngày làm việc.`);
    const bad = clean.daysOff
      .concat(clean.workingDays)
      .filter(
        (d) =>
          Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ||
          new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d,
      );
    if (bad.length > 0) throw new ValidationError(`Ngày không tồn tại: ${bad.join(', ')}.`);
    build(DEFAULT_CALENDAR_SETTINGS, { [year]: clean });
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.overridesOf(trx, year);
      await repo.replaceOverrides(trx, year, clean, this.clock.now());
      await recordAudit(trx, actor, {
        action: 'calendar.overrides.replace',
        entityType: 'calendar_year',
        entityId: String(year),
        before,
        after: clean,
      });
      return clean;
    });
  }

  /** Sets a unit's working hours and cut-off. */
  async saveSettings(actor: Actor, unitCode: string, s: CalendarSettings) {
    const units = await findUnitsByCodes(this.db, [unitCode]);
    if (!units.has(unitCode))
      throw new NotFoundError(`Không có đơn vị mã ${unitCode}.`, 'unit_not_found');
    build(s, {});
    return this.db.transaction().execute(async (trx) => {
      const before = (await repo.settingsOf(trx, [unitCode])).get(unitCode) ?? null;
      await repo.saveSettings(trx, unitCode, s, this.clock.now());
      await recordAudit(trx, actor, {
        action: 'calendar.settings.save',
        entityType: 'unit_calendar',
        entityId: unitCode,
        unitCode,
        before,
        after: s,
      });
      return { ...s, unitCode, inheritedFrom: null };
    });
  }
}
