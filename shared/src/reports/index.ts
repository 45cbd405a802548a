// Public API of the shared field-report vocabulary.

export * from './stats.ts';
export * from './workflow.ts';
