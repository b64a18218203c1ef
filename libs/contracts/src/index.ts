export * from './roles.js';
export * from './permissions.js';
export * from './errors.js';
export * from './auth.js';
export * from './invitations.js';
export * from './tenants.js';
