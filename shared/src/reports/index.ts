// Public API of the shared field-report vocabulary.
export * from './workflow.ts';
