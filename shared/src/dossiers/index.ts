// Public API of the shared dossier vocabulary.
export * from './workflow.ts';
