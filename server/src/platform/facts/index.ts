/** Facts published by modules for the modules above them (issue 12; fact-kinds.ts). */
export * from './fact-kinds.js';
export {
  claimPendingFacts,
  type Fact,
  type FactChange,
  factSubjectsWhere,
  pendingFactCount,
  publishFact,
  publishFactCtes,
  publishFactsSql,
  publishStockFactCtes,
  scanFacts,
} from './facts.js';
