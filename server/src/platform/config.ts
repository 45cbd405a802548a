import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';
import { type ProxyTrust, parseProxyTrust } from './http/proxy-trust.js';

/** Environment variables the server reads; documented in the README configuration table. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  DEMO_DATA: z
    .enum(['1', '0', 'true', 'false', 'on', 'off'])
    .optional()
    .transform((v) => (v === undefined ? undefined : ['1', 'true', 'on'].includes(v))),
  // The demo's year of history (issue 12): on with the demo unless turned off; the browser
  // specs turn it off, each starting a server of its own.
  DEMO_HISTORY: z
    .enum(['1', '0', 'true', 'false', 'on', 'off'])
    .optional()
    .transform((v) => v === undefined || ['1', 'true', 'on'].includes(v)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
  BACKUP_CRON: z.string().default('30 2 * * *'),
  VACUUM_CRON: z.string().default('0 3 * * *'),
  DB_FSYNC: z.enum(['on', 'off']).default('on'),
  WORKERS: z.coerce.number().int().min(1).default(1),
  INDICATORS_FOLLOWER: z.enum(['1', '0', 'true', 'false', 'on', 'off']).default('1'),
  DOSSIER_CODE_PATTERN: z.string().default('{agencyId}-{yymmdd}-{seq:4}'),
  DOSSIER_DUE_SOON_HOURS: z.coerce.number().positive().optional(),
  REPORT_DUPLICATE_RADIUS_M: z.coerce.number().int().min(10).max(5000).default(150),
  REPORT_REOPEN_WINDOW_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  OPEN311_JURISDICTION_ID: z.string().trim().max(200).optional(),
  OPEN311_JURISDICTION_UNIT: z.string().trim().max(64).optional(),
  MAP_TILE_URL: z
    .string()
    .trim()
    .regex(
      /^https?:\/\/[^\s"']+\{z\}[^\s"']*$/,
      'MAP_TILE_URL: a tile URL template such as https://tile.example.vn/{z}/{x}/{y}.png',
    )
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().trim().max(300).optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  SMS_GATEWAY_URL: z
    .union([
      z.literal(''),
      z.url({ protocol: /^https?$/, error: 'SMS_GATEWAY_URL phải là một URL http(s).' }),
    ])
    .optional(),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  PAYMENT_WEBHOOK_SECRET: z
    .string()
    .min(16, 'PAYMENT_WEBHOOK_SECRET: at least 16 characters')
    .optional(),
  PAYMENT_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  SMTP_FROM: z.string().default('Chính quyền số <no-reply@localhost>'),
  CITIZEN_DATA_KEYS: z.string().optional(),
  // Digital signatures (issue 13): the organisation's seal as a PKCS#12; trust anchors as a PEM
  // bundle; an RFC 3161 time-stamp authority (B-T); a remote signing service for people.
  // Unset seal = a demo installation signing with its own demo CA (data/signing).
  SIGNING_SEAL_P12: z.string().optional(),
  SIGNING_SEAL_P12_PASSWORD: z.string().optional(),
  SIGNING_TRUST_ANCHORS: z.string().optional(),
  SIGNING_TSA_URL: z.url({ protocol: /^https?$/ }).optional(),
  SIGNING_REMOTE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SIGNING_REMOTE_TOKEN: z.string().optional(),
  // edXML exchange (issue 13): a folder a gateway picks packages up from, or an HTTP endpoint
  // of the exchange platform (LGSP). Packages come in through POST /api/v1/edxml/inbox.
  EDXML_OUTBOX_DIR: z.string().optional(),
  // The inbound side of the folder drop: the gateway leaves packages (*.xml) here and a job
  // imports them every EDXML_INBOX_POLL_SECONDS (documents/edxml/edxml.inbox.ts).
  EDXML_INBOX_DIR: z.string().optional(),
  EDXML_INBOX_POLL_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  EDXML_HTTP_URL: z.url({ protocol: /^https?$/ }).optional(),
  EDXML_HTTP_TOKEN: z.string().optional(),
  AUDIT_CHAIN_KEY: z.string().optional(),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, c): ProxyTrust => {
      try {
        return parseProxyTrust(v);
      } catch (err) {
        c.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  COOKIE_SECURE: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demoData: boolean;
  /** With demoData: also generate the demo's year of history (DEMO_HISTORY, default on). */
  demoHistory: boolean;
  logLevel: string;
  backupKeep: number;
  backupCron: string;
  vacuumCron: string;
  cookieSecure: boolean;
  /**
   * Which peers may speak for the client in X-Forwarded-For/-Proto/-Host (TRUST_PROXY): none
   * by default, so a client cannot pick the address the rate limits and sign-in throttle see.
   */
  trustProxy: ProxyTrust;
  /** Embedded only: fsync each commit (power-cut safe). */
  dbFsync: boolean;
  /** Server processes sharing the port (node:cluster); more than 1 needs PostgreSQL. */
  workers: number;
  /**
   * Fold published facts into the indicator rollups while listening (INDICATORS_FOLLOWER);
   * off only to measure its cost (bench/indicators.ts): facts then wait in fact_pending.
   */
  indicatorsFollower: boolean;
  /** Pattern of dossier codes (regulations.md §3). */
  dossierCodePattern: string;
  /** "Due soon" window in working hours; unset = one working day of the unit. */
  dossierDueSoonHours: number | undefined;
  /** Field reports: open reports of a category within this many metres are offered to follow. */
  reportDuplicateRadiusM: number;
  /** Field reports: days after `resolved` in which the reporter may answer "not fixed". */
  reportReopenWindowDays: number;
  /**
   * Open311: the `jurisdiction_id` this server answers for (a request naming another gets 400);
   * default the host name of PUBLIC_URL, as GeoReport v2 suggests the jurisdiction's domain.
   */
  open311JurisdictionId: string;
  /**
   * Open311: the unit (code) of that jurisdiction — a report with only `address_string` goes to
   * it for triage; unset = the single top-level unit, descending while it has one child.
   */
  open311JurisdictionUnit: string | undefined;
  /**
   * Maps: the tile server's URL template ({s}, {z}, {x}, {y}) and its attribution, read by the
   * web app at run time; unset = maps draw boundaries and points on a plain background.
   */
  mapTileUrl: string | undefined;
  mapTileAttribution: string | undefined;
  /** Public base URL for links printed on forms (QR codes) and sent in messages. */
  publicUrl: string;
  /** SMTP server for e-mail notifications; unset = messages are only logged. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** SMS gateway (HttpSmsAdapter: POST {to, text}); unset = SMS are only logged. */
  smsGatewayUrl: string | undefined;
  smsGatewayToken: string | undefined;
  /** Payments: shared secret of the generic HMAC gateway webhook; unset = the webhook is off. */
  paymentWebhookSecret: string | undefined;
  /** Payments: how far a webhook's signed timestamp may be from now (replay window). */
  paymentWebhookToleranceSeconds: number;
  /**
   * Keys encrypting citizens' ID numbers at rest, `id:<base64 32 bytes>,…` (the first
   * encrypts, all decrypt); unset = a key file generated under DATA_DIR, refused on
   * PostgreSQL without demo data (modules/citizens/citizens.keys.ts).
   */
  citizenDataKeys: string | undefined;
  /**
   * Key of the audit log's HMAC chain, base64 of 32 bytes; unset = a key file generated under
   * DATA_DIR, refused on PostgreSQL without demo data (platform/audit/audit.key.ts).
   */
  auditChainKey: string | undefined;
  /** Digital signatures (platform/signatures/setup.ts; README "Chữ ký số"). */
  signing: {
    sealP12?: string;
    sealP12Password?: string;
    trustAnchorsFile?: string;
    tsaUrl?: string;
    remoteUrl?: string;
    remoteToken?: string;
  };
  /** edXML exchange transports (modules/documents/documents.exchange.ts). */
  edxml: {
    outboxDir?: string;
    httpUrl?: string;
    httpToken?: string;
    /** Folder the gateway drops inbound packages into (EDXML_INBOX_DIR). */
    inboxDir?: string;
    /** How often the inbound folder is read, in seconds (EDXML_INBOX_POLL_SECONDS). */
    inboxPollSeconds?: number;
  };
}

/** Reads configuration from the environment; `demoDefault` is what DEMO_DATA means when unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, demoDefault = false): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    // Printed by main.ts and the CLIs as one readable line per variable, not a stack trace.
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError(
      'invalid_configuration',
      500,
      `Cấu hình không hợp lệ (biến môi trường) / invalid configuration (environment variables):\n  ${lines.join('\n  ')}`,
    );
  }
  const e = parsed.data;
  const publicUrl = (
    e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`
  ).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    adminPassword: e.ADMIN_PASSWORD,
    demoData: e.DEMO_DATA ?? demoDefault,
    demoHistory: e.DEMO_HISTORY,
    logLevel: e.LOG_LEVEL,
    backupKeep: e.BACKUP_KEEP,
    backupCron: e.BACKUP_CRON,
    vacuumCron: e.VACUUM_CRON,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    dbFsync: e.DB_FSYNC === 'on',
    workers: e.WORKERS,
    indicatorsFollower: ['1', 'true', 'on'].includes(e.INDICATORS_FOLLOWER),
    dossierCodePattern: e.DOSSIER_CODE_PATTERN,
    dossierDueSoonHours: e.DOSSIER_DUE_SOON_HOURS,
    reportDuplicateRadiusM: e.REPORT_DUPLICATE_RADIUS_M,
    reportReopenWindowDays: e.REPORT_REOPEN_WINDOW_DAYS,
    publicUrl,
    mapTileUrl: e.MAP_TILE_URL || undefined,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION || undefined,
    open311JurisdictionId: e.OPEN311_JURISDICTION_ID || new URL(publicUrl).hostname,
    open311JurisdictionUnit: e.OPEN311_JURISDICTION_UNIT || undefined,
    smtpUrl: e.SMTP_URL || undefined,
    smtpFrom: e.SMTP_FROM,
    smsGatewayUrl: e.SMS_GATEWAY_URL || undefined,
    smsGatewayToken: e.SMS_GATEWAY_TOKEN || undefined,
    paymentWebhookSecret: e.PAYMENT_WEBHOOK_SECRET || undefined,
    paymentWebhookToleranceSeconds: e.PAYMENT_WEBHOOK_TOLERANCE_SECONDS,
    citizenDataKeys: e.CITIZEN_DATA_KEYS?.trim() || undefined,
    auditChainKey: e.AUDIT_CHAIN_KEY?.trim() || undefined,
    signing: {
      sealP12: e.SIGNING_SEAL_P12 || undefined,
      sealP12Password: e.SIGNING_SEAL_P12_PASSWORD,
      trustAnchorsFile: e.SIGNING_TRUST_ANCHORS || undefined,
      tsaUrl: e.SIGNING_TSA_URL,
      remoteUrl: e.SIGNING_REMOTE_URL,
      remoteToken: e.SIGNING_REMOTE_TOKEN,
    },
    edxml: {
      outboxDir: e.EDXML_OUTBOX_DIR || undefined,
      inboxDir: e.EDXML_INBOX_DIR || undefined,
      inboxPollSeconds: e.EDXML_INBOX_POLL_SECONDS,
      httpUrl: e.EDXML_HTTP_URL,
      httpToken: e.EDXML_HTTP_TOKEN,
    },
  };
}
