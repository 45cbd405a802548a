/** Tables of the payments module (issue 4). */
// biome-ignore lint/suspicious/noEmptyInterface: filled as the module gains tables.
export interface PaymentsTables {}
