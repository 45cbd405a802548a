import { useCallback, useMemo } from 'react';
import { apiRequest, type Page } from '../../../api/client.ts';
import { useI18n, useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { useCursorList } from '../../../lib/use-cursor-list.ts';
import {
  type PublicReportFilter,
  REPORT_ACTIONS,
  type Report,
  type StaffReportFilter,
} from '../api/report.types.ts';
import {
  getPublicReport,
  getReport,
  listCategories,
  listPublicReports,
  listReports,
} from '../api/reports.api.ts';
import type { GeoJsonLike } from '../lib/geo.ts';
import { OPEN_STATUSES } from '../lib/status.ts';

const KNOWN_EVENT_ACTIONS = ['submit', ...REPORT_ACTIONS] as const;

/** The active categories as select options in the current language, and the raw list. */
export function useReportCategories() {
  const { lang } = useI18n();
  const state = useAsync((signal) => listCategories(signal), []);
  const options = useMemo(
    () =>
      (state.data ?? []).map((c) => ({
        value: c.code,
        label: lang === 'en' ? c.nameEn || c.nameVi : c.nameVi,
      })),
    [state.data, lang],
  );
  return { ...state, options };
}

/** Published reports matching the filter. */
export function usePublicReports(filter: PublicReportFilter) {
  return useCursorList(
    (cursor, signal) => listPublicReports(filter, cursor, signal),
    [filter.category, filter.status, filter.unit, filter.from, filter.to],
  );
}

/** One published report; with the follow token, what its holder may do. */
export function usePublicReport(code: string, token: string | undefined) {
  return useAsync((signal) => getPublicReport(code, token, signal), [code, token]);
}

/** The caller's units' reports (staff). */
export function useReportList(filter: StaffReportFilter) {
  return useCursorList(
    (cursor, signal) => listReports(filter, cursor, signal),
    [filter.category, filter.status, filter.unit, filter.overdue, filter.mine],
  );
}

/** One report with events and allowed actions (staff). */
export function useReport(id: string) {
  return useAsync((signal) => getReport(id, signal), [id]);
}

/** Communes and wards as select options (public list: anyone may pick where it happened). */
export function useWardOptions() {
  const state = useAsync(
    (signal) =>
      apiRequest<Page<{ code: string; fullName: string; kind: string }>>(
        '/api/v1/public/units?kind=commune',
        { signal },
      ).then(
        (page) =>
          page.items
            .map((u) => ({ value: u.code, label: u.fullName }))
            .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
        () => [] as { value: string; label: string }[],
      ),
    [],
  );
  return state.data ?? [];
}

/** The GeoJSON boundary of a unit, or none (unknown or not imported). */
export function useUnitBoundary(code: string) {
  const state = useAsync(
    (signal) =>
      code
        ? apiRequest<GeoJsonLike>(`/api/v1/public/units/${encodeURIComponent(code)}/boundary`, {
            signal,
          }).catch(() => null)
        : Promise.resolve(null),
    [code],
  );
  return useMemo(() => (state.data ? [state.data] : []), [state.data]);
}

/** The label of an event action in the current language (the server's label when unknown). */
export function useActionLabel() {
  const t = useT();
  return useCallback(
    (action: string, fallback: string) =>
      (KNOWN_EVENT_ACTIONS as readonly string[]).includes(action)
        ? t(`reports.action.${action as (typeof KNOWN_EVENT_ACTIONS)[number]}`)
        : fallback,
    [t],
  );
}

/** Other open reports of the same category, as merge choices (loaded only when merge is allowed). */
export function useMergeTargets(report: Report | undefined) {
  const canMerge = !!report?.allowedActions.includes('merge');
  const category = report?.categoryCode ?? '';
  const state = useAsync(
    (signal) =>
      canMerge
        ? listReports({ category }, undefined, signal).then((page) => page.items)
        : Promise.resolve([]),
    [canMerge, category],
  );
  return useMemo(
    () =>
      (state.data ?? [])
        .filter((r) => r.id !== report?.id && OPEN_STATUSES.has(r.status))
        .map((r) => ({ value: r.id, label: `${r.code} — ${r.description.slice(0, 60)}` })),
    [state.data, report?.id],
  );
}
