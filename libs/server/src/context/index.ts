export * from './request-context.js';
export * from './context.module.js';
