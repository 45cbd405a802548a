// Messages of the public procedure catalogue (issue 4), spread into the catalogues i18n/vi.ts and i18n/en.ts.
// Vietnamese is the source; the English object must have exactly the same keys.

export const catalogueVi = {} as const;

export const catalogueEn: Record<keyof typeof catalogueVi, string> = {};
