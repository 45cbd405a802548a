// Test helpers of the notifications module: a real SMTP server, a small MIME decoder and a
// database with the outbox table. Used only by *.test.ts beside it.
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { createTestDb } from '../../../test/db.js';
import type { Clock } from '../../platform/clock.js';
import { notificationsMigrations } from './notifications.migrations.js';

/**
 * The wall clock one second ahead, for dispatch runs in tests. A message is queued at the
 * database's now() (microseconds); a run in the same millisecond with the plain wall clock
 * (a Date holds milliseconds) found it not yet due — a flake seen in CI on PostgreSQL.
 */
export const dueClock: Clock = { now: () => new Date(Date.now() + 1000) };

/** A fresh test database with the outbox, whether or not the global list has its migration. */
export async function createOutboxTestDb() {
  const db = await createTestDb();
  const found = await sql`select 1 from information_schema.tables
    where table_schema = current_schema() and table_name = 'notification_outbox'`.execute(
    db.kysely,
  );
  if (found.rows.length === 0)
    await notificationsMigrations['0600_notifications_outbox']!.up(db.kysely);
  return db;
}

/** One message as the SMTP server received it, decoded. */
export interface ReceivedMail {
  envelopeTo: string[];
  headers: Record<string, string>;
  subject: string;
  text: string;
}

/** An SMTP reply error (smtp-server sends `responseCode` and the message to the client). */
export const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

/** Behaviour of the test SMTP server; each hook may return an error to refuse. */
export interface SmtpBehaviour {
  /** Required credentials; without them any client is accepted. */
  auth?: { user: string; pass: string };
  onRcpt?: (address: string) => Error | undefined;
  /** Called with the 1-based number of the DATA command. */
  onData?: (n: number) => Error | undefined;
  /** Delay before answering DATA, so concurrent senders overlap. */
  delayMs?: number;
}

/** Starts a real SMTP server on 127.0.0.1 (a free port); `received` holds accepted mail. */
export async function startSmtpServer(behaviour: SmtpBehaviour = {}) {
  const received: ReceivedMail[] = [];
  let dataCount = 0;
  const server = new SMTPServer({
    authOptional: !behaviour.auth,
    // Plain TCP on loopback: nodemailer would refuse smtp-server's self-signed certificate.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      const ok = auth.username === behaviour.auth?.user && auth.password === behaviour.auth?.pass;
      cb(ok ? null : smtpError(535, 'Authentication failed'), ok ? { user: 1 } : undefined);
    },
    onRcptTo(address, _session, cb) {
      cb(behaviour.onRcpt?.(address.address) ?? null);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        dataCount += 1;
        const refusal = behaviour.onData?.(dataCount);
        setTimeout(() => {
          if (!refusal) {
            const mail = parseMessage(Buffer.concat(chunks).toString('latin1'));
            received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), ...mail });
          }
          cb(refusal ?? null);
        }, behaviour.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  const creds = behaviour.auth ? `${behaviour.auth.user}:${behaviour.auth.pass}@` : '';
  return {
    url: `smtp://${creds}127.0.0.1:${port}`,
    port,
    received,
    /** How many DATA commands arrived (accepted or refused). */
    dataCommands: () => dataCount,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Splits a raw message (latin1, one byte a char) into decoded headers, subject and body. */
function parseMessage(raw: string): Omit<ReceivedMail, 'envelopeTo'> {
  const cut = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, cut).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  const body = raw.slice(cut + 4);
  const cte = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const bytes =
    cte === 'quoted-printable'
      ? qpBytes(body.replace(/=\r\n/g, ''))
      : cte === 'base64'
        ? Buffer.from(body, 'base64')
        : Buffer.from(body, 'latin1');
  return { headers, subject: headers.subject ?? '', text: bytes.toString('utf8') };
}

/** RFC 2047 encoded words (=?UTF-8?Q|B?…?=); adjacent words join before UTF-8 decoding. */
export function decodeWords(value: string): string {
  let out = '';
  let last = 0;
  let pending: Buffer[] = [];
  const flush = () => {
    out += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  for (const m of value.matchAll(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g)) {
    const between = value.slice(last, m.index);
    // White space between two encoded words is not part of the text (RFC 2047 §6.2).
    if (!(pending.length > 0 && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    const data = m[3] ?? '';
    pending.push(
      m[2]!.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qpBytes(data.replace(/_/g, ' ')),
    );
    last = (m.index ?? 0) + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

/** Bytes of quoted-printable text (=XX escapes). */
function qpBytes(s: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}
