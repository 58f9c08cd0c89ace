// The training page's four steps (upload → train → test → report): which one is shown and which can be opened.
import { isFinalJob } from '../../api/training';

export const STEPS = ['upload', 'train', 'test', 'report'] as const;
export type Step = (typeof STEPS)[number];
export const STEP_TITLES: Record<Step, string> = { upload: 'Upload', train: 'Train', test: 'Test', report: 'Report' };

export interface StepFacts { sources: number; jobStatus?: string }
export type StepState = 'done' | 'current' | 'open' | 'locked';

/**
 * Upload is always open; Train needs a picked source or a job; Test and Report need a job (Test once it finished,
 * Report at once, since a running job's report so far is useful).
 */
export function canOpen(step: Step, facts: StepFacts): boolean {
  switch (step) {
    case 'upload': return true;
    case 'train': return facts.sources > 0 || facts.jobStatus !== undefined;
    case 'test': return facts.jobStatus === 'completed';
    case 'report': return facts.jobStatus !== undefined;
  }
}

export function stepState(step: Step, current: Step, facts: StepFacts): StepState {
  if (step === current) return 'current';
  if (!canOpen(step, facts)) return 'locked';
  return STEPS.indexOf(step) < STEPS.indexOf(current) || (step === 'train' && isFinalJob(facts.jobStatus)) ? 'done' : 'open';
}

/** The step to show for a URL's ?step= (an unknown or locked step falls back to the furthest one that is open). */
export function resolveStep(requested: string | null, facts: StepFacts): Step {
  const wanted = STEPS.find((s) => s === requested);
  if (wanted && canOpen(wanted, facts)) return wanted;
  if (facts.jobStatus !== undefined) return 'train';
  return 'upload';
}
