import { FRENCH_REGULATION as R } from '../regulation/french-regulation.js';
import { checkTutorCapacity } from './tutor.rules.js';

describe('checkTutorCapacity', () => {
  const tutor = { tutorIsEmployer: false, tutorIsGeiqCoordinator: false };
  it('lets a tutor follow up to 3 alternants', () => {
    expect(checkTutorCapacity({ ...tutor, currentAlternants: 0 }, R)).toBeNull();
    expect(checkTutorCapacity({ ...tutor, currentAlternants: 2 }, R)).toBeNull();
    const violation = checkTutorCapacity({ ...tutor, currentAlternants: 3 }, R);
    expect(violation).toMatchObject({ code: 'TUTOR_CAPACITY_EXCEEDED', details: { currentAlternants: 3, max: 3 } });
    expect(violation?.message.fr).toContain('pas en suivre plus de 3');
  });
  it('lets an employer tutor follow up to 2', () => {
    expect(checkTutorCapacity({ ...tutor, tutorIsEmployer: true, currentAlternants: 1 }, R)).toBeNull();
    expect(checkTutorCapacity({ ...tutor, tutorIsEmployer: true, currentAlternants: 2 }, R)).toMatchObject({
      code: 'TUTOR_CAPACITY_EXCEEDED',
      details: { max: 2 },
    });
  });
  it('exempts GEIQ coordinators', () => {
    expect(checkTutorCapacity({ ...tutor, tutorIsGeiqCoordinator: true, currentAlternants: 25 }, R)).toBeNull();
  });
});
