// Messages of online submission, my dossiers and the personal data store (issue 4), spread into the catalogues i18n/vi.ts and i18n/en.ts.
// Vietnamese is the source; the English object must have exactly the same keys.

export const portalVi = {} as const;

export const portalEn: Record<keyof typeof portalVi, string> = {};
