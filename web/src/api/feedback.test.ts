import { describe, expect, it } from 'vitest';
import { agreementGain, appliedWeights, rhoWithCi, validateCalibration, type WeightProfile } from './feedback';

const agreement = (spearman: number | null, ci: number[] | null = null) => ({ metric: 'overall_score', spearman, ci95: ci, p_value: null, n: 30 });

describe('feedback', () => {
  it('prints ρ with its interval, or a dash when nothing varies', () => {
    expect(rhoWithCi(agreement(0.41234, [0.1, 0.65]))).toBe('0.412 [0.100, 0.650]');
    expect(rhoWithCi(agreement(0.5))).toBe('0.500');
    expect(rhoWithCi(agreement(null))).toBe('—');
  });

  it('measures the cross-validated gain and applies only weighed metrics', () => {
    const p = { before: agreement(0.2), after_cross_validated: agreement(0.45), weights: { coherence_score: 0.6, relevance_score: 0, readability_score: 0.4 } } as unknown as WeightProfile;
    expect(agreementGain(p)).toBeCloseTo(0.25);
    expect(appliedWeights(p)).toEqual({ coherence_score: 0.6, readability_score: 0.4 });
    expect(agreementGain({ ...p, before: agreement(null) })).toBeNull();
  });

  it('checks the profile name and folds as the server does', () => {
    expect(validateCalibration('support-answers', '5')).toEqual({});
    expect(Object.keys(validateCalibration('bad name!', '1'))).toEqual(['name', 'folds']);
    expect(validateCalibration('', '21').name).toMatch(/name the weight profile/);
  });
});
