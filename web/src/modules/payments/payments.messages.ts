// Messages of fees and payments (issue 4), spread into the catalogues i18n/vi.ts and i18n/en.ts.
// Vietnamese is the source; the English object must have exactly the same keys.

export const paymentsVi = {} as const;

export const paymentsEn: Record<keyof typeof paymentsVi, string> = {};
