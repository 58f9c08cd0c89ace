import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { draftOf, evaluationDraftOf, evaluationGateBody, gateBody, gateStateOf, serverErrors, validateEvaluationGate, validateGate, type GateDraft } from './gates';

const draft = (over: Partial<GateDraft> = {}): GateDraft => ({ checks: [{ metric: 'overall_score', op: '>=', value: '70' }], noSignificantRegression: false, baselineRunId: '', ...over });

describe('validateGate', () => {
  it('accepts a complete gate and sends numbers and a null baseline', () => {
    expect(validateGate(draft())).toEqual({});
    expect(gateBody(draft())).toEqual({ checks: [{ metric: 'overall_score', op: '>=', value: 70 }], no_significant_regression: false, baseline_run_id: null });
  });

  it('names each bad field as the server does', () => {
    const errors = validateGate(draft({ checks: [{ metric: '', op: '>=', value: 'abc' }, { metric: 'failure_rate', op: '<=', value: '1.5' }, { metric: 'cost_usd', op: '<=', value: '-1' }] }));
    expect(Object.keys(errors).sort()).toEqual(['checks[0].metric', 'checks[0].value', 'checks[1].value', 'checks[2].value']);
    expect(errors['checks[1].value']).toBe('a failure rate is between 0 and 1.');
    expect(errors['checks[2].value']).toBe('cost_usd is never negative.');
  });

  it('needs a check or the regression test, and a real run id as baseline', () => {
    expect(validateGate(draft({ checks: [] })).checks).toMatch(/at least one check/);
    expect(validateGate(draft({ checks: [], noSignificantRegression: true }))).toEqual({});
    expect(validateGate(draft({ baselineRunId: 'run-7' })).baseline_run_id).toBe('must be a run id.');
    expect(validateGate(draft({ baselineRunId: '0198f0aa-1111-7222-8333-444455556666' }))).toEqual({});
  });

  it('refuses more than 50 checks and an upper-case metric', () => {
    expect(validateGate(draft({ checks: Array.from({ length: 51 }, () => ({ metric: 'f1', op: '>=' as const, value: '0.5' })) })).checks).toMatch(/at most 50/);
    expect(validateGate(draft({ checks: [{ metric: 'F1', op: '>=', value: '0.5' }] }))['checks[0].metric']).toBeDefined();
  });

  it('round-trips a stored gate into the form', () => {
    const d = draftOf({ experiment_id: 'e', checks: [{ metric: 'latency_p95_ms', op: '<=', value: 800 }], baseline_run_id: null, no_significant_regression: true, regression_metric: 'overall_score', updated_at: '' });
    expect(d).toEqual({ checks: [{ metric: 'latency_p95_ms', op: '<=', value: '800' }], noSignificantRegression: true, baselineRunId: '' });
  });
});

describe('the server answers', () => {
  it('turns a 422 into field messages and reads 409 as pending, 404 as no gate', () => {
    const invalid = new ApiError(422, { errors: { 'checks[0].value': ['is required: a number.'] } });
    expect(serverErrors(invalid)).toEqual({ 'checks[0].value': 'is required: a number.' });
    expect(serverErrors(new Error('x'))).toEqual({});
    expect(gateStateOf(new ApiError(409, { detail: 'Run r has not finished' }))).toEqual({ kind: 'pending', detail: 'Run r has not finished' });
    expect(gateStateOf(new ApiError(404, { detail: 'no gate' })).kind).toBe('none');
    expect(() => gateStateOf(new ApiError(500, {}))).toThrow();
  });
});

describe('validateEvaluationGate', () => {
  const evaluation = '0198f0aa-1111-7222-8333-444455556666';
  const evalDraft = (over: Partial<GateDraft> = {}): GateDraft => ({ checks: [{ metric: 'exact_match', op: '>=', value: '0.5', method: '' }], noSignificantRegression: false, baselineRunId: '', ...over });

  it('sends per-method checks, null for every method, and the baseline as an evaluation id', () => {
    expect(validateEvaluationGate(evalDraft(), evaluation)).toEqual({});
    const body = evaluationGateBody(evalDraft({ checks: [{ metric: 'latency_p95_ms', op: '<=', value: '900', method: 'cot' }, { metric: 'f1', op: '>=', value: '0.4', method: '' }] }));
    expect(body).toEqual({ checks: [{ metric: 'latency_p95_ms', op: '<=', value: 900, method: 'cot' }, { metric: 'f1', op: '>=', value: 0.4, method: null }],
      no_significant_regression: false, baseline_evaluation_id: null });
  });

  it('names the fields the server names: unknown metrics, shares over 1, the gated evaluation as its own baseline', () => {
    const errors = validateEvaluationGate(evalDraft({ checks: [{ metric: 'overall_score', op: '>=', value: '1', method: '' }, { metric: 'exact_match', op: '>=', value: '50', method: '' }],
      baselineRunId: evaluation }), evaluation);
    expect(Object.keys(errors).sort()).toEqual(['baseline_evaluation_id', 'checks[0].metric', 'checks[1].value']);
    expect(errors['checks[1].value']).toBe('exact_match is a share between 0 and 1.');
  });

  it('round-trips a stored evaluation gate into the form', () => {
    expect(evaluationDraftOf({ evaluation_id: evaluation, checks: [{ metric: 'cost_usd', op: '<=', value: 2, method: null }], baseline_evaluation_id: null, no_significant_regression: true, updated_at: '' }))
      .toEqual({ checks: [{ metric: 'cost_usd', op: '<=', value: '2', method: '' }], noSignificantRegression: true, baselineRunId: '' });
  });
});
