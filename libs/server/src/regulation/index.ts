export * from './regulation.provider.js';
