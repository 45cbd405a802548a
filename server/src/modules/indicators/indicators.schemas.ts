// The indicators API's values schemas live in @cqs/shared/indicators/api.schema (the web's
// dashboard infers its types from them); re-exported for the module's routes.
export * from '@cqs/shared/indicators/api.schema';
