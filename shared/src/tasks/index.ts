// Public API of the tasks vocabulary (nhiệm vụ): statuses, the request and response schemas.
export * from './task.schema.ts';
