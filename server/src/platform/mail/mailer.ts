/**
 * Outgoing mail over SMTP (nodemailer). The transport is built from `SMTP_URL`
 * (smtp://user:pass@host:587, smtps://… for TLS on connect); without it `configured` is false
 * and features that need mail answer that it is not set up instead of pretending to send.
 */
import nodemailer from 'nodemailer';

export type OutgoingMail = { to: string; subject: string; text: string };

export type Mailer = {
  readonly configured: boolean;
  /** Sends one message; rejects when the server refuses it or cannot be reached. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer {
  const { smtpUrl, from } = options;
  if (!smtpUrl) {
    return {
      configured: false,
      send: () => Promise.reject(new Error('SMTP_URL is not set')),
      close: () => undefined,
    };
  }
  // Short timeouts: a visitor waits on this answer in the browser.
  const transport = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
