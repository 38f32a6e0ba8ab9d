/**
 * Account mail (reset links, invites) over SMTP with nodemailer, when FOLIO_SMTP_URL is set.
 * Callers do not wait for delivery where waiting would tell a stranger something (whether an
 * address has an account): `sendLater` logs failures instead of answering with them.
 */
import type { Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function smtpMailer(settings: { smtpUrl: string; from: string }): Mailer {
  // nodemailer is loaded with the first mail, not with the server: most starts send none.
  let transport: Promise<Transporter> | undefined;
  return {
    send: async (message) => {
      transport ??= import('nodemailer').then((nodemailer) => nodemailer.default.createTransport(settings.smtpUrl));
      await (await transport).sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** Sends in the background; a failure is reported to `onError`, never to whoever asked. */
export function sendLater(mailer: Mailer, message: MailMessage, onError: (err: unknown) => void): void {
  void mailer.send(message).catch(onError);
}
