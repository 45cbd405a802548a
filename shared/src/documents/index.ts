// Public API of the documents vocabulary (văn bản): types, statuses, requests and responses.
export * from './document.schema.ts';
export * from './document.vocabulary.ts';
export * from './work-file.schema.ts';
