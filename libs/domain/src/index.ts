export * from './passwords/password-policy.js';
export * from './identity/siret.js';

export * from './time/local-date.js';
export * from './time/paris-time.js';

export * from './regulation/rule.types.js';
export * from './regulation/regulation.types.js';
export * from './regulation/french-regulation.js';
export * from './regulation/smic.js';

export * from './contract/contract.types.js';
export * from './contract/contract.rules.js';
export * from './contract/duration.rules.js';
export * from './contract/pay.rules.js';
export * from './contract/trial.rules.js';
export * from './contract/funding.rules.js';
export * from './contract/tutor.rules.js';

export * from './admissibility/admissibility.rules.js';
export * from './jury/jury.rules.js';

export * from './pathway/pathway.states.js';
export * from './pathway/pathway.actions.js';
export * from './pathway/pathway.types.js';
export { transition, availableActions, heldBackActions, allowedFrom } from './pathway/pathway.machine.js';
export * from './documents/document-type.js';
export * from './progress/progress.rules.js';
export * from './afest/afest.rules.js';
export * from './reminders/index.js';
