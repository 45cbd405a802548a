// Public API of the plans vocabulary (kế hoạch chuyển đổi số): the pillars, comparators and the
// plan document schema shared by server (validation, OpenAPI) and web (forms, types).

export * from './plan.schema.ts';
