import { Global, Module } from '@nestjs/common';
import { MailTransport } from './mail-transport.js';
import { Outbox } from './outbox.js';

@Global()
@Module({ providers: [Outbox, MailTransport], exports: [Outbox, MailTransport] })
export class MailModule {}
