import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/index.js';

export interface OutgoingMail {
  /** Stable id (the outbox row): names the .eml file and the Message-ID. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends e-mail through SMTP_URL; without it, writes each message as an .eml
 * file under MAIL_OUTBOX_DIR (development, demos), which any mail client opens.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  private readonly toFiles: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.toFiles = !config.mail.smtpUrl;
    // Pooled SMTP connections: reminders go out by the thousand at 08:00.
    this.transporter = config.mail.smtpUrl
      ? nodemailer.createTransport({ url: config.mail.smtpUrl, pool: true, maxConnections: 5 } as Parameters<typeof nodemailer.createTransport>[0])
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.id}@jalon>`,
    });
    if (this.toFiles) {
      const dir = resolve(this.config.mail.outboxDir);
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`);
      await writeFile(file, (info as { message: Buffer }).message);
      this.logger.log({ mailId: mail.id, file }, 'e-mail written to the local outbox (SMTP_URL is not set)');
    } else {
      this.logger.log({ mailId: mail.id }, 'e-mail sent');
    }
  }
}
