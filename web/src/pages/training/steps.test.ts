import { describe, expect, it } from 'vitest';
import { canOpen, resolveStep, stepState } from './steps';

describe('training steps', () => {
  it('opens Train only once a source is picked, Test only for a completed job, Report for any job', () => {
    expect(canOpen('upload', { sources: 0 })).toBe(true);
    expect(canOpen('train', { sources: 0 })).toBe(false);
    expect(canOpen('train', { sources: 2 })).toBe(true);
    expect(canOpen('test', { sources: 2, jobStatus: 'running' })).toBe(false);
    expect(canOpen('test', { sources: 0, jobStatus: 'completed' })).toBe(true);
    expect(canOpen('report', { sources: 0, jobStatus: 'running' })).toBe(true);
    expect(canOpen('report', { sources: 3 })).toBe(false);
  });

  it('marks earlier steps done, the shown one current and unreachable ones locked', () => {
    const facts = { sources: 1, jobStatus: 'running' };
    expect(stepState('upload', 'train', facts)).toBe('done');
    expect(stepState('train', 'train', facts)).toBe('current');
    expect(stepState('test', 'train', facts)).toBe('locked');
    expect(stepState('report', 'train', facts)).toBe('open');
    expect(stepState('train', 'report', { sources: 0, jobStatus: 'completed' })).toBe('done');
  });

  it('falls back from a locked or unknown ?step= to where the work is', () => {
    expect(resolveStep('report', { sources: 0 })).toBe('upload');
    expect(resolveStep('nonsense', { sources: 0, jobStatus: 'queued' })).toBe('train');
    expect(resolveStep('test', { sources: 0, jobStatus: 'running' })).toBe('train');
    expect(resolveStep('test', { sources: 0, jobStatus: 'completed' })).toBe('test');
    expect(resolveStep(null, { sources: 2 })).toBe('upload');
  });
});
