// The figures of one handling unit in the field-report statistics (GET /reports/stats), shared
// by the server that computes them and the web app that shows them.

export interface ReportUnitStats {
  unitCode: string;
  unitName: string | null;
  received: number;
  open: number;
  /** Resolved, closed or rejected (merged reports are counted apart). */
  finished: number;
  resolved: number;
  rejected: number;
  merged: number;
  onTime: number;
  late: number;
  /** Open and past the deadline of their stage now. */
  overdueOpen: number;
  /** onTime / (finished + overdueOpen), 0–1; null when there is nothing to rate yet. */
  onTimeRate: number | null;
  /** Mean working days from receipt to resolution; null when nothing was resolved. */
  avgWorkingDaysToResolve: number | null;
  reopened: number;
  rated: number;
  /** Mean rating 1–5; null when nobody rated. */
  avgRating: number | null;
  /** The sums behind the means, so rows can be added up exactly. */
  resolveWorkingDaysSum: number;
  ratingSum: number;
}
