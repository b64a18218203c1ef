export * from './job-registry.js';
export * from './job-queue.js';
export * from './jobs.module.js';
