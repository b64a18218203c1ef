export * from './mail-transport.js';
export * from './outbox.js';
export * from './templates.js';
export * from './mail.module.js';
