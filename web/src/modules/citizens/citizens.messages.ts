// Messages of citizen accounts (issue 4), spread into the catalogues i18n/vi.ts and i18n/en.ts.
// Vietnamese is the source; the English object must have exactly the same keys.

export const citizensVi = {} as const;

export const citizensEn: Record<keyof typeof citizensVi, string> = {};
