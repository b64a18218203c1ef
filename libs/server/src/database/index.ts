export * from './database.js';
export * from './database.module.js';
export { Prisma } from './generated/client.js';
export type * from './generated/client.js';
export * from './db-date.js';
export * from './json-columns.js';
export * from './uuid.js';
