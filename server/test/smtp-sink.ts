/**
 * A real SMTP server on a random local port (smtp-server) that keeps every message it
 * receives, parsed (mailparser), so tests read the mail Concord sent as a user's inbox would.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string[]; subject: string; text: string };

export type SmtpSink = {
  url: string;
  mails: ReceivedMail[];
  /** Refuse every message from now on (the server answers 451), or accept again. */
  refuse(on: boolean): void;
  /** The newest six-digit code sent to an address. */
  lastCodeFor(email: string): string;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (refusing) {
            const err = Object.assign(new Error('mailbox unavailable'), { responseCode: 451 });
            callback(err);
            return;
          }
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuse(on) {
      refusing = on;
    },
    lastCodeFor(email) {
      const address = email.toLowerCase();
      const mail = [...mails].reverse().find((m) => m.to.includes(address));
      const code = mail?.text.match(/\b(\d{6})\b/)?.[1];
      if (!code) throw new Error(`no code was mailed to ${email}`);
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
