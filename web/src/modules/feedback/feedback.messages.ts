// Messages of ratings and petitions (issue 4), spread into the catalogues i18n/vi.ts and i18n/en.ts.
// Vietnamese is the source; the English object must have exactly the same keys.

export const feedbackVi = {} as const;

export const feedbackEn: Record<keyof typeof feedbackVi, string> = {};
