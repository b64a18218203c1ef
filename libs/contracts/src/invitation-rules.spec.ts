import { TENANT_ROLES, type Role } from './roles.js';
import { canInvite } from './invitation-rules.js';

describe('canInvite', () => {
  const expected: Record<Role, string[]> = {
    PLATFORM_ADMIN: [],
    TENANT_ADMIN: ['TENANT_ADMIN', 'COORDINATOR', 'TUTOR', 'EMPLOYER', 'CANDIDATE'],
    COORDINATOR: ['TUTOR', 'EMPLOYER', 'CANDIDATE'],
    TUTOR: [],
    EMPLOYER: [],
    CANDIDATE: [],
  };
  for (const [inviter, allowed] of Object.entries(expected) as [Role, string[]][]) {
    for (const invitee of TENANT_ROLES) {
      const verdict = allowed.includes(invitee);
      it(`${inviter} ${verdict ? 'may' : 'may not'} invite ${invitee}`, () => {
        expect(canInvite(inviter, invitee)).toBe(verdict);
      });
    }
  }
});
