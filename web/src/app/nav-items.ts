import type { MessageKey } from '../i18n/vi.ts';

/** An entry of the main navigation and of the home dashboard. */
export interface NavItem {
  to: string;
  label: MessageKey;
  description: MessageKey;
  end?: boolean;
}

/** Paths of the staff area. */
export const PATHS = {
  home: '/',
  login: '/dang-nhap',
  units: '/quan-tri/don-vi',
  accounts: '/quan-tri/tai-khoan',
  procedures: '/quan-tri/thu-tuc',
  procedureNew: '/quan-tri/thu-tuc/moi',
  procedure: (id: string) => `/quan-tri/thu-tuc/${encodeURIComponent(id)}`,
  calendar: '/quan-tri/lich',
} as const;

/** The admin areas, in navigation order. */
export const ADMIN_AREAS: NavItem[] = [
  { to: PATHS.units, label: 'nav.units', description: 'home.unitsDescription' },
  { to: PATHS.accounts, label: 'nav.accounts', description: 'home.accountsDescription' },
  { to: PATHS.procedures, label: 'nav.procedures', description: 'home.proceduresDescription' },
  { to: PATHS.calendar, label: 'nav.calendar', description: 'home.calendarDescription' },
];
