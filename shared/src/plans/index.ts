// Public API of the plans vocabulary (kế hoạch chuyển đổi số): the pillars, comparators, the
// plan document schema and the API's response schemas, shared by server (validation, OpenAPI)
// and web (forms, types).

export * from './plan.schema.ts';
export * from './plan-view.schema.ts';
