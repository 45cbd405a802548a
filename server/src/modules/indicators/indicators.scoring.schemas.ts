// The indicators API's scoring schemas live in @cqs/shared/indicators/scoring.schema (the web's
// dashboard infers its types from them); re-exported for the module's routes.
export * from '@cqs/shared/indicators/scoring.schema';
