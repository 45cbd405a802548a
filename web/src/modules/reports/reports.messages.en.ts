// English twin of reports.messages.ts (same keys, checked by the type in i18n/en.ts).
import type { reportsVi } from './reports.messages.ts';

export const reportsEn: Record<keyof typeof reportsVi, string> = {
  'reports.geo.insecure':
    'Over an insecure connection (http) the browser does not let a web page read the device position. Click the map to choose the place, or pick the commune or ward and type the address below.',
  'reports.created.copyFailed':
    'Could not copy; select the link in the box above and copy it by hand.',
};
