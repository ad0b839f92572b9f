import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope: who the client said it was from and to. */
  envelopeFrom: string;
  envelopeTo: string[];
  /** Parsed headers and body (quoted-printable and encoded words decoded). */
  from: string;
  to: string;
  subject: string;
  text: string;
  raw: string;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL / config.smtpUrl. */
  url: string;
  port: number;
  /** Messages accepted so far, in order. */
  readonly messages: ReceivedMail[];
  /** Messages refused so far (by rejectNext). */
  readonly rejected: number;
  /** Refuses the next n messages at DATA with the given SMTP reply (default 451: a temporary failure). */
  rejectNext(n: number, reply?: { code: number; message: string }): void;
  /** Resolves with the first accepted message that matches (e.g. by recipient); fails after timeoutMs. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

async function readStream(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A real SMTP server in this process on 127.0.0.1 and a free port: no auth, no
 * TLS, so nodemailer talks to it exactly as to a relay, and a test can make it
 * fail the next messages to exercise retries.
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let toReject = 0;
  let rejected = 0;
  const temporaryFailure = { code: 451, message: 'Temporary failure, try again later' };
  let rejectReply = temporaryFailure;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      readStream(stream)
        .then(async (raw) => {
          // Refuse after reading the whole message, as a real server would at the end of DATA.
          if (toReject > 0) {
            toReject--;
            rejected++;
            callback(new SmtpReply(rejectReply.code, rejectReply.message));
            return;
          }
          const parsed = await simpleParser(raw);
          messages.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            from: parsed.from?.text ?? '',
            to: [parsed.to ?? []]
              .flat()
              .map((a) => a.text)
              .join(', '),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            raw: raw.toString('utf8'),
          });
          callback();
          for (const wake of waiters) wake();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    get rejected() {
      return rejected;
    },
    rejectNext(n, reply = temporaryFailure) {
      toReject = n;
      rejectReply = reply;
    },
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `no matching message within ${timeoutMs} ms (${messages.length} accepted, ${rejected} rejected)`,
            ),
          );
        }, timeoutMs);
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
