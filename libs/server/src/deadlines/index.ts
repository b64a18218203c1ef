export * from './deadline.repository.js';
export * from './deadlines.module.js';
