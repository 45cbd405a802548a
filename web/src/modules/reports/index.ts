// Public surface of the reports module (phản ánh hiện trường) for pages and the app shell.
import './reports.css';

// Admin (categories, routing overrides, reply templates) and statistics.
export { CategoriesAdmin } from './admin/CategoriesAdmin.tsx';
export { ReplyTemplatesAdmin } from './admin/ReplyTemplatesAdmin.tsx';
export { RoutingRulesAdmin } from './admin/RoutingRulesAdmin.tsx';
export { getReportStats, publicCsvUrl, staffCsvUrl } from './admin/reports-admin.api.ts';
export type {
  CreatedReport,
  PublicReport,
  PublicReportDetail,
  Report,
  ReportSummary,
} from './api/report.types.ts';
export { LazyReportMap } from './components/LazyReportMap.tsx';
export { MapLegend } from './components/MapLegend.tsx';
export type { MapMarker } from './components/map-types.ts';
export { NearbyReports } from './components/NearbyReports.tsx';
export { PublicFilters } from './components/PublicFilters.tsx';
export { PublicReportList } from './components/PublicReportList.tsx';
export { ReportActions } from './components/ReportActions.tsx';
export { ReportStatusBadge, ReportUrgencyBadge } from './components/ReportBadges.tsx';
export { ReportCreated } from './components/ReportCreated.tsx';
export { ReporterActions } from './components/ReporterActions.tsx';
export { ReportForm } from './components/ReportForm.tsx';
export { ReportLocationSection } from './components/ReportLocationSection.tsx';
export { ReportPhotos } from './components/ReportPhotos.tsx';
export { ReportTable } from './components/ReportTable.tsx';
export { ReportTimeline, type TimelineEntry } from './components/ReportTimeline.tsx';
export { REPORT_QUEUE_FIRST_FILTER, StaffFilters } from './components/StaffFilters.tsx';
export {
  useActionLabel,
  useMergeTargets,
  usePublicReport,
  usePublicReports,
  useReport,
  useReportCategories,
  useReportList,
  useUnitBoundary,
  useWardOptions,
} from './hooks/use-reports.ts';
export { filterToParams, publicFilterFromParams, staffFilterFromParams } from './lib/filters.ts';
export { locatedPoints } from './lib/geo.ts';
export { OPEN_STATUSES } from './lib/status.ts';
export { ReportStatsTable } from './stats/ReportStatsTable.tsx';
