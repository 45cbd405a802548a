// Public API of the signatures vocabulary: signature and seal images.
export * from './signature-image.schema.ts';
