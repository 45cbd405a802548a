// The tasks API's schemas live in @cqs/shared/tasks (the web infers its types from them);
// re-exported here so the module's routes and services keep importing `./tasks.schemas.js`.
export * from '@cqs/shared/tasks/index';
