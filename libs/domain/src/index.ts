export * from './access/invitation-rules.js';
export * from './passwords/password-policy.js';
export * from './identity/siret.js';
