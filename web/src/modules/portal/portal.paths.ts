/** Paths of the citizen portal pages (cổng dịch vụ công). */
export const PORTAL_PATHS = {
  submit: (procedureCode: string) => `/dich-vu-cong/nop/${encodeURIComponent(procedureCode)}`,
  submitPattern: '/dich-vu-cong/nop/:code',
  myDossiers: '/dich-vu-cong/ho-so-cua-toi',
  myDossier: (code: string) => `/dich-vu-cong/ho-so-cua-toi/${encodeURIComponent(code)}`,
  myDossierPattern: '/dich-vu-cong/ho-so-cua-toi/:code',
  dataStore: '/dich-vu-cong/kho-du-lieu',
} as const;
