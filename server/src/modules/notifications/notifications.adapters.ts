import { createTransport } from 'nodemailer';

/** An e-mail as the outbox hands it to a channel. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** An SMS as the outbox hands it to a channel. */
export interface SmsMessage {
  to: string;
  text: string;
}

/** Sends e-mail; resolves once the message is accepted, throws to ask for a retry. */
export interface EmailAdapter {
  send(msg: EmailMessage): Promise<void>;
}

/** Sends SMS; resolves once the gateway accepts the message, throws to ask for a retry. */
export interface SmsAdapter {
  send(msg: SmsMessage): Promise<void>;
}

/** Where the logging adapters write (the server passes its pino logger). */
export type NotificationLog = (msg: string, fields: Record<string, unknown>) => void;

/**
 * A refusal that retrying cannot fix (the recipient does not exist): the outbox marks the
 * message failed at once instead of retrying it for half an hour.
 */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** The SMTP fields nodemailer puts on its errors. */
interface SmtpError {
  permanent?: boolean;
  command?: string;
  rejectedErrors?: SmtpError[];
}

/**
 * Only a refused recipient is about this one message. A refused login or sender, or a
 * connection failure, is about our configuration or the server, and passes once that is
 * fixed, so those stay retryable even when the reply is a 5xx.
 */
function isPermanentRecipientRefusal(err: unknown): boolean {
  const e = err as SmtpError;
  const first = e.rejectedErrors?.[0] ?? e;
  return first.permanent === true && /^RCPT/i.test(first.command ?? '');
}

/** E-mail through an SMTP server given as a URL (`smtp://user:pass@host:587`, `smtps://…`). */
export class SmtpEmailAdapter implements EmailAdapter {
  private readonly transport;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport({
      url,
      // nodemailer waits up to 10 minutes on a silent socket by default; a send must end well
      // before the outbox re-queues a 'sending' row as abandoned (10 minutes), or the
      // message could go out twice.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
  }

  async send(msg: EmailMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
      });
    } catch (err) {
      if (isPermanentRecipientRefusal(err))
        throw new PermanentDeliveryError(String((err as Error).message ?? err), { cause: err });
      throw err;
    }
  }

  /** Closes pooled connections (when the URL asked for `?pool=true`). */
  close(): void {
    this.transport.close();
  }
}

/** Writes e-mails to the log instead of sending them (no SMTP server configured). */
export class LoggingEmailAdapter implements EmailAdapter {
  constructor(private readonly log: NotificationLog) {}

  async send(msg: EmailMessage): Promise<void> {
    this.log('email not sent (SMTP_URL not set)', { ...msg });
  }
}

/**
 * Writes SMS to the log. The default: sending SMS in Vietnam goes through a brandname
 * gateway that needs a contract with a carrier, so each deployment adds its own adapter.
 */
export class LoggingSmsAdapter implements SmsAdapter {
  constructor(private readonly log: NotificationLog) {}

  async send(msg: SmsMessage): Promise<void> {
    this.log('sms not sent (no SMS gateway configured)', { ...msg });
  }
}

/**
 * SMS through an HTTP gateway: `POST <url>` with JSON `{"to": "0912345678", "text": "…"}` and,
 * when a token is set, `Authorization: Bearer <token>`. Vietnamese brandname providers (VNPT,
 * Viettel, VNPay eSMS…) each have their own API and contract, so a deployment points this at
 * the provider if it accepts that shape, or at a small relay that translates. A 2xx answer is
 * accepted; 400, 404 and 422 say this message can never go (a bad number) and fail it at
 * once; anything else — 401/403 (our configuration), 408, 429, 5xx, a timeout — is retried by
 * the outbox with back-off.
 */
export class HttpSmsAdapter implements SmsAdapter {
  constructor(
    private readonly url: string,
    private readonly token?: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async send(msg: SmsMessage): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: msg.to, text: msg.text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (res.ok) return;
    const detail = `SMS gateway answered ${res.status}: ${(await res.text().catch(() => '')).slice(0, 200)}`;
    if ([400, 404, 422].includes(res.status)) throw new PermanentDeliveryError(detail);
    throw new Error(detail);
  }
}

/**
 * The channel adapters a deployment's configuration asks for: SMTP when SMTP_URL is set, the
 * HTTP SMS gateway when SMS_GATEWAY_URL is set; otherwise each channel only logs.
 */
export function createAdaptersFromConfig(
  env: {
    SMTP_URL?: string;
    SMTP_FROM?: string;
    SMS_GATEWAY_URL?: string;
    SMS_GATEWAY_TOKEN?: string;
  },
  log: NotificationLog,
): { email: EmailAdapter; sms: SmsAdapter } {
  const url = env.SMTP_URL?.trim();
  const email = url
    ? new SmtpEmailAdapter(url, env.SMTP_FROM?.trim() || defaultFrom(url))
    : new LoggingEmailAdapter(log);
  const smsUrl = env.SMS_GATEWAY_URL?.trim();
  const sms = smsUrl
    ? new HttpSmsAdapter(smsUrl, env.SMS_GATEWAY_TOKEN?.trim() || undefined)
    : new LoggingSmsAdapter(log);
  return { email, sms };
}

/** "Chính quyền số" <no-reply@host of the SMTP server>, when SMTP_FROM is not set. */
function defaultFrom(url: string): string {
  let host = 'localhost';
  try {
    host = new URL(url).hostname || host;
  } catch {
    // nodemailer reports a malformed URL on the first send, with its own message.
  }
  return `"Chính quyền số" <no-reply@${host}>`;
}
