// Background jobs of the documents module: handing edXML packages and status notices to the
// configured exchange transport (retried until it takes them).
import type { Config } from '../../platform/config.js';
import { exchangeJobs, transportsFrom } from './documents.exchange.js';

/** The documents module's jobs for this configuration. */
export function documentsJobs(config: Pick<Config, 'edxml'>) {
  return exchangeJobs(transportsFrom(config.edxml));
}
