import { checkAfestStep, nextAfestStep, type AfestDates } from './afest.rules.js';

const opened: AfestDates = { ANALYSIS: '2026-10-01', SITUATION: null, REFLECTION: null, EVALUATION: null };
const today = '2026-11-27';

describe('AFEST cycle steps', () => {
  it('follow the order analysis, situation, reflection, evaluation', () => {
    expect(nextAfestStep(opened)).toBe('SITUATION');
    expect(checkAfestStep(opened, 'SITUATION', '2026-10-05', today)).toBeNull();
    expect(checkAfestStep(opened, 'REFLECTION', '2026-10-05', today)?.code).toBe('AFEST_STEP_OUT_OF_ORDER');
    expect(nextAfestStep({ ANALYSIS: 'a', SITUATION: 'b', REFLECTION: 'c', EVALUATION: 'd' })).toBeNull();
  });

  it('cannot be evaluated before the reflective sequence', () => {
    const situated = { ...opened, SITUATION: '2026-10-05' };
    expect(checkAfestStep(situated, 'EVALUATION', '2026-10-06', today)?.code).toBe('AFEST_REFLECTION_REQUIRED');
    expect(checkAfestStep({ ...situated, REFLECTION: '2026-10-06' }, 'EVALUATION', '2026-10-06', today)).toBeNull();
  });

  it('refuses a step done twice, in the future, or before the previous one', () => {
    expect(checkAfestStep(opened, 'ANALYSIS', '2026-10-01', today)?.code).toBe('AFEST_STEP_ALREADY_DONE');
    expect(checkAfestStep(opened, 'SITUATION', '2026-11-28', today)?.code).toBe('AFEST_DATE_IN_FUTURE');
    expect(checkAfestStep(opened, 'SITUATION', '2026-09-30', today)?.code).toBe('AFEST_DATE_BEFORE_PREVIOUS_STEP');
  });
});
