import { createHash } from 'node:crypto';
import { AuditKey } from '../src/platform/audit/audit.key.js';

/** The audit chain key of every test database (a fixed test value, not a secret). */
export const TEST_AUDIT_KEY = new AuditKey(
  createHash('sha256').update('chinh-quyen-so test audit chain key').digest(),
);
