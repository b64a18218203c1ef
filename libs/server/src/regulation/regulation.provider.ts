import { FRENCH_REGULATION } from '@jalon/domain';

/**
 * The rule numbers (ages, durations, pay brackets, SMIC table, quotas) the
 * domain rules read. One data set today; a tenant or a date could select
 * another without touching the rules.
 */
export const REGULATION = Symbol('REGULATION');

export const regulationProvider = { provide: REGULATION, useValue: FRENCH_REGULATION };
