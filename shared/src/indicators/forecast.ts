// Year-end forecast of an indicator from its monthly series (dự báo cuối năm), so a plan's
// target can be flagged at risk in time. The methods are simple on purpose: a leader can redo
// them by hand (docs/indicators.md, "Grading, 766, rankings, forecast").

export interface MonthPoint {
  /** YYYYMM (interop.md period form). */
  period: string;
  numerator: number | null;
  /** null for a count indicator (no denominator). */
  denominator: number | null;
  /** The month's value: a rate (numerator ÷ denominator × factor) or a count; null = no data. */
  value: number | null;
}

export type ForecastMethod = 'rate_recent_volume' | 'count_linear' | 'final';

export interface Forecast {
  kind: 'rate' | 'count';
  /** The value for the complete months so far (volume-weighted for a rate, a sum for a count). */
  cumulative: number | null;
  /** Forecast for the whole year; null with no complete month of data. */
  forecast: number | null;
  method: ForecastMethod;
  /** How many months of the year are complete (the basis). */
  basisMonths: number;
}

/** How many of `year`'s months have ended before `today` (YYYY-MM-DD): 0 to 12. */
export function completeMonthsOf(year: number, today: string): number {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  if (y < year) return 0;
  if (y > year) return 12;
  return m - 1;
}

/** A count when no month has a denominator; a rate otherwise. */
export function seriesKind(months: readonly MonthPoint[]): 'rate' | 'count' {
  return months.some((p) => p.denominator !== null) ? 'rate' : 'count';
}

const RECENT_MONTHS = 3;

/**
 * Forecast from the first `completeMonths` months of a year's series (months in order).
 *
 * Rate: the complete months' cumulative rate (Σ value·volume ÷ Σ volume, volume = the
 * denominator) carried to December with the recent level: the remaining months are assumed
 * to run at the last three complete months' volume-weighted rate and their mean volume.
 * A level, not a slope: a slope of a rate runs past 0 or 100 within a year.
 *
 * Count: linear extrapolation of the cumulative count, cumulative × 12 ÷ complete months.
 *
 * With all 12 months complete the forecast is the year's actual value ('final').
 */
export function forecastYearEnd(months: readonly MonthPoint[], completeMonths: number): Forecast {
  const n = Math.max(0, Math.min(12, Math.trunc(completeMonths)));
  const done = months.slice(0, n);
  const kind = seriesKind(months);
  if (kind === 'count') {
    const known = done.filter((p) => p.value !== null);
    const cumulative = known.length === 0 ? null : known.reduce((a, p) => a + (p.value ?? 0), 0);
    const forecast = cumulative === null || n === 0 ? null : (cumulative * 12) / n;
    return {
      kind,
      cumulative,
      forecast,
      method: n === 12 ? 'final' : 'count_linear',
      basisMonths: n,
    };
  }
  const withVolume = done.filter(
    (p) => p.value !== null && p.denominator !== null && p.denominator > 0,
  ) as { value: number; denominator: number }[];
  if (withVolume.length === 0) {
    return { kind, cumulative: null, forecast: null, method: 'rate_recent_volume', basisMonths: n };
  }
  const weighted = (ps: { value: number; denominator: number }[]) =>
    ps.reduce((a, p) => a + p.value * p.denominator, 0);
  const volume = (ps: { denominator: number }[]) => ps.reduce((a, p) => a + p.denominator, 0);
  const cumWeighted = weighted(withVolume);
  const cumVolume = volume(withVolume);
  const cumulative = cumWeighted / cumVolume;
  const remaining = 12 - n;
  if (remaining === 0) {
    return { kind, cumulative, forecast: cumulative, method: 'final', basisMonths: n };
  }
  const recent = withVolume.slice(-RECENT_MONTHS);
  const recentRate = weighted(recent) / volume(recent);
  const recentVolume = volume(recent) / recent.length;
  const forecast =
    (cumWeighted + recentRate * recentVolume * remaining) / (cumVolume + recentVolume * remaining);
  return { kind, cumulative, forecast, method: 'rate_recent_volume', basisMonths: n };
}
