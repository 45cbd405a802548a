import type { MessageKey } from '../i18n/vi.ts';
import {
  type Capability,
  can,
  type Role,
  type User,
} from '../modules/identity/api/identity.types.ts';

/** An entry of the main navigation and of the home dashboard. */
export interface NavItem {
  to: string;
  label: MessageKey;
  description: MessageKey;
  end?: boolean;
  /**
   * Shown only to holders of one of these capabilities (the page does nothing for anyone
   * else); without it, to all staff (the page reads what any staff may read).
   */
  capabilities?: readonly Capability[];
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
  dossiers: '/ho-so',
  dossierReceipt: '/ho-so/tiep-nhan',
  dossierUnit: '/ho-so/don-vi',
  dossier: (id: string) => `/ho-so/${encodeURIComponent(id)}`,
  reports: '/phan-anh',
  reportSubmit: '/phan-anh/gui',
  report: (code: string) => `/phan-anh/${encodeURIComponent(code)}`,
  reportQueue: '/phan-anh/xu-ly',
  reportStaff: (id: string) => `/phan-anh/xu-ly/${encodeURIComponent(id)}`,
  reportStats: '/phan-anh/thong-ke',
  reportAdmin: '/quan-tri/phan-anh',
  open311: '/quan-tri/open311',
  // Issue 12: "my work" (việc của tôi) and the plan-and-indicators area (pages by helper E2).
  myWork: '/viec-cua-toi',
  dashboard: '/dieu-hanh',
  plans: '/ke-hoach',
  tasks: '/nhiem-vu',
  indicatorEntry: '/chi-tieu/nhap-so-lieu',
  // Issue 13: official documents (văn bản) and the public signature check.
  documents: '/van-ban',
  documentRegister: '/van-ban/vao-so',
  documentDraft: '/van-ban/soan-thao',
  document: (id: string) => `/van-ban/${encodeURIComponent(id)}`,
  workFiles: '/van-ban/ho-so-cong-viec',
  reviewFlows: '/van-ban/quy-trinh-trinh-duyet',
  signatureImages: '/van-ban/chu-ky-con-dau',
  signatureVerify: '/kiem-tra-chu-ky',
} as const;

/** The field report settings' tabs, each with the capability it needs. */
export const REPORT_ADMIN_TABS = [
  { key: 'categories', label: 'reportsAdmin.tab.categories', capability: 'reports.categories' },
  { key: 'routing', label: 'reportsAdmin.tab.routing', capability: 'reports.routing' },
  { key: 'templates', label: 'reportsAdmin.tab.templates', capability: 'reports.templates' },
] as const satisfies readonly { key: string; label: MessageKey; capability: Capability }[];

/** The admin areas, in navigation order. */
export const ADMIN_AREAS: NavItem[] = [
  { to: PATHS.units, label: 'nav.units', description: 'home.unitsDescription' },
  {
    to: PATHS.accounts,
    label: 'nav.accounts',
    description: 'home.accountsDescription',
    capabilities: ['accounts.manage'],
  },
  { to: PATHS.procedures, label: 'nav.procedures', description: 'home.proceduresDescription' },
  { to: PATHS.calendar, label: 'nav.calendar', description: 'home.calendarDescription' },
  {
    to: PATHS.reportAdmin,
    label: 'nav.reportAdmin',
    description: 'home.reportAdminDescription',
    capabilities: REPORT_ADMIN_TABS.map((tab) => tab.capability),
  },
  {
    to: PATHS.open311,
    label: 'open311.nav',
    description: 'open311.homeDescription',
    capabilities: ['open311.clients'],
  },
];

/** The admin areas `user` may open (see NavItem.capabilities). */
export function adminAreasFor(user: User | null | undefined): NavItem[] {
  return ADMIN_AREAS.filter(
    (area) => !area.capabilities || area.capabilities.some((c) => can(user, c)),
  );
}

/** A navigation entry shown only to holders of one of `roles` ('staff': any role but citizen). */
export interface RoleNavItem {
  to: string;
  label: MessageKey;
  roles: readonly Role[] | 'staff';
  end?: boolean;
}

/** The one-stop-shop areas, in navigation order. */
export const DOSSIER_AREAS: RoleNavItem[] = [
  { to: PATHS.dossiers, label: 'dossiers.nav.queue', roles: 'staff', end: true },
  { to: PATHS.dossierReceipt, label: 'dossiers.nav.receipt', roles: ['desk_officer'] },
  { to: PATHS.dossierUnit, label: 'dossiers.nav.unit', roles: ['leader'] },
  {
    to: '/ho-so/kien-nghi',
    label: 'feedback.nav.queue',
    roles: ['desk_officer', 'specialist', 'leader'],
  },
  { to: '/ho-so/thu-phi', label: 'payments.page.title', roles: ['desk_officer', 'admin'] },
];

/** The field report areas (phản ánh hiện trường): the staff queue, then the public map. */
export const REPORT_AREAS: RoleNavItem[] = [
  { to: PATHS.reportQueue, label: 'reports.nav.queue', roles: 'staff' },
  { to: PATHS.reportStats, label: 'reports.nav.stats', roles: 'staff' },
];

/**
 * The plan-and-indicators areas (kế hoạch và chỉ số), in navigation order: the leaders'
 * dashboard, the plans, the tasks. Their pages and routes belong to the ioc, plans and tasks
 * modules; a module adding a page there adds its entry here.
 */
export const PLAN_AREAS: RoleNavItem[] = [
  { to: PATHS.dashboard, label: 'shell.nav.dashboard', roles: ['leader', 'secretariat'] },
  { to: PATHS.plans, label: 'shell.nav.plans', roles: ['leader', 'secretariat'] },
  { to: PATHS.tasks, label: 'shell.nav.tasks', roles: 'staff' },
  {
    to: PATHS.indicatorEntry,
    label: 'shell.nav.indicatorEntry',
    roles: ['leader', 'secretariat', 'admin'],
  },
];

/**
 * The documents areas (văn bản): the boxes for all staff, the registration desk for the
 * clerical office (văn thư), drafting for those who draft, the signature check. Their pages
 * and routes belong to the documents module.
 */
export const DOCUMENT_AREAS: RoleNavItem[] = [
  { to: PATHS.documents, label: 'documents.nav.list', roles: 'staff', end: true },
  { to: PATHS.documentRegister, label: 'documents.nav.register', roles: ['secretariat'] },
  {
    to: PATHS.documentDraft,
    label: 'documents.nav.draft',
    roles: ['specialist', 'desk_officer', 'leader', 'secretariat'],
  },
  {
    to: PATHS.workFiles,
    label: 'documents.nav.workFiles',
    roles: ['specialist', 'desk_officer', 'leader', 'secretariat'],
  },
  { to: PATHS.reviewFlows, label: 'documents.nav.flows', roles: ['leader', 'admin'] },
  // Those who sign, and those who keep a unit's seal (văn thư), set the images signatures draw.
  {
    to: PATHS.signatureImages,
    label: 'signatures.nav',
    roles: ['leader', 'secretariat', 'admin'],
  },
  { to: PATHS.signatureVerify, label: 'documents.nav.verify', roles: 'staff' },
];

/** Public pages linked from every page (no sign-in needed). */
export const PUBLIC_LINKS: { to: string; label: MessageKey }[] = [
  { to: '/dich-vu-cong', label: 'catalogue.nav' },
  { to: PATHS.reports, label: 'reports.nav.public' },
  { to: PATHS.reportSubmit, label: 'reports.nav.submit' },
  { to: '/tra-cuu', label: 'track.title' },
  { to: PATHS.signatureVerify, label: 'documents.nav.verify' },
];

/** The citizen's areas (cổng dịch vụ công), in navigation order, for a signed-in citizen. */
export const CITIZEN_AREAS: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/dich-vu-cong', label: 'portal.nav.catalogue', end: true },
  { to: '/dich-vu-cong/ho-so-cua-toi', label: 'portal.nav.myDossiers' },
  { to: '/dich-vu-cong/kho-du-lieu', label: 'portal.nav.dataStore' },
  { to: '/tai-khoan-cua-toi', label: 'portal.nav.account' },
  { to: '/tra-cuu', label: 'track.title' },
];
