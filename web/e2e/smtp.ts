// A capture SMTP server for browser specs (smtp-server on a loopback port): the app under test
// gets SMTP_URL pointing at it, and a spec waits for the message sent to an address.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as received, decoded (subject and plain-text body). */
export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
}

export interface CaptureSmtp {
  /** `smtp://127.0.0.1:<port>`, for the server's SMTP_URL. */
  url: string;
  received: CapturedMail[];
  /** Resolves with the first message to `address` (case-insensitive) arriving after `since`. */
  waitForMail(
    address: string,
    opts?: { timeoutMs?: number; since?: number },
  ): Promise<CapturedMail>;
  close(): Promise<void>;
}

/** Starts the capture server on a free loopback port. */
export async function startCaptureSmtp(): Promise<CaptureSmtp> {
  const received: CapturedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    // Plain TCP on loopback: nodemailer would refuse smtp-server's self-signed certificate.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          ...parseMessage(Buffer.concat(chunks).toString('latin1')),
        });
        for (const w of waiters) w();
        cb(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitForMail(address, opts = {}) {
      const to = address.toLowerCase();
      const since = opts.since ?? 0;
      const find = () => received.slice(since).find((m) => m.to.includes(to));
      return new Promise((resolve, reject) => {
        const check = () => {
          const mail = find();
          if (!mail) return;
          cleanup();
          resolve(mail);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no mail to ${address} within ${opts.timeoutMs ?? 30_000} ms`));
        }, opts.timeoutMs ?? 30_000);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Subject and body of a single-part message (what nodemailer sends for a text mail). */
function parseMessage(raw: string): { subject: string; text: string } {
  const cut = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, cut)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const body = raw.slice(cut + 4);
  const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    cte === 'quoted-printable'
      ? qpBytes(body.replace(/=\r\n/g, ''))
      : cte === 'base64'
        ? Buffer.from(body, 'base64')
        : Buffer.from(body, 'latin1');
  return { subject: decodeWords(headers.get('subject') ?? ''), text: bytes.toString('utf8') };
}

/** RFC 2047 encoded words; white space between two of them is dropped (§6.2). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_w, _charset, enc: string, data: string) =>
      (enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : qpBytes(data.replace(/_/g, ' '))
      ).toString('utf8'),
    );
}

function qpBytes(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else out.push(s.charCodeAt(i));
  }
  return Buffer.from(out);
}
