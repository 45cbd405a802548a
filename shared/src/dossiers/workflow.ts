// The dossier workflow's vocabulary, shared by the server (which owns the transitions table,
// server/src/modules/dossiers/dossiers.states.ts) and the web app. Statuses are those the
// national portal sync uses (regulations.md §3).

/** Workflow states of a dossier (hồ sơ). */
export const DOSSIER_STATUSES = [
  'received',
  'in_progress',
  'awaiting_completion',
  'processed',
  'returned',
  'refused',
  'stopped',
  'withdrawn',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** No action leaves these. */
export const FINAL_STATUSES: ReadonlySet<DossierStatus> = new Set([
  'returned',
  'refused',
  'stopped',
  'withdrawn',
]);
/** Processing is over (the result exists or the dossier ended): the deadline clock no longer runs. */
export const CLOCK_STOPPED: ReadonlySet<DossierStatus> = new Set(['processed', ...FINAL_STATUSES]);

/** Actions a caller may take on an existing dossier. */
export const DOSSIER_ACTIONS = [
  'assign',
  'forward',
  'request_completion',
  'complete',
  'finish',
  'approve',
  'send_back',
  'return_result',
  'refuse',
  'stop',
  'withdraw',
  'extend',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** Every action a timeline event may carry: receipt creates the dossier. */
export const EVENT_ACTIONS = ['receive', ...DOSSIER_ACTIONS] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** How a dossier was submitted (kênh tiếp nhận); national codes 1, 2, 3. */
export const CHANNELS = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How the result is handed back (hình thức trả kết quả). */
export const RETURN_METHODS = ['direct', 'postal', 'electronic'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];
