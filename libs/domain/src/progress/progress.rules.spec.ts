import { canEditProgressEntry, checkProgressDate, progressEditableUntil } from './progress.rules.js';

describe('progress entries', () => {
  const createdAt = new Date('2026-11-20T10:00:00Z');

  it('may be edited by their author for 7 days, then are read-only', () => {
    expect(progressEditableUntil(createdAt).toISOString()).toBe('2026-11-27T10:00:00.000Z');
    expect(canEditProgressEntry({ authorId: 'a', createdAt }, 'a', new Date('2026-11-27T09:59:59Z'))).toBe(true);
    expect(canEditProgressEntry({ authorId: 'a', createdAt }, 'a', new Date('2026-11-27T10:00:00Z'))).toBe(false);
    expect(canEditProgressEntry({ authorId: 'a', createdAt }, 'b', new Date('2026-11-21T10:00:00Z'))).toBe(false);
  });

  it('are dated between the contract start and today', () => {
    expect(checkProgressDate('2026-11-27', '2026-11-27', '2026-01-05')).toBeNull();
    expect(checkProgressDate('2026-11-28', '2026-11-27', '2026-01-05')?.code).toBe('PROGRESS_DATE_IN_FUTURE');
    expect(checkProgressDate('2026-01-04', '2026-11-27', '2026-01-05')?.code).toBe('PROGRESS_BEFORE_CONTRACT');
    expect(checkProgressDate('2025-01-04', '2026-11-27', null)).toBeNull();
  });
});
