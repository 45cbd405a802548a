// Public API of the shared indicator vocabulary (issue 12).

export * from './period.ts';
export * from './spec.ts';
