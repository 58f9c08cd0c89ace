import { describe, expect, it } from 'vitest';
import { applyTrainingEvent, emptyLive } from './useTrainingProgress';

describe('training progress events', () => {
  it('adds each step once, ignoring a step repeated after a reconnect', () => {
    let live = applyTrainingEvent(emptyLive, 'step', { step: 1, epoch: 1, loss: 4.1 });
    live = applyTrainingEvent(live, 'step', { step: 2, epoch: 1, loss: 3.9 });
    live = applyTrainingEvent(live, 'step', { step: 2, epoch: 1, loss: 3.9 });
    expect(live.train.map((p) => p.step)).toEqual([1, 2]);
  });

  it('keeps held-out points once each though the stream replays them on reconnect', () => {
    let live = applyTrainingEvent(emptyLive, 'holdout', { step: 10, epoch: 1, loss: 3 });
    live = applyTrainingEvent(live, 'holdout', { step: 20, epoch: 2, loss: 2.5 });
    live = applyTrainingEvent(live, 'holdout', { step: 10, epoch: 1, loss: 3 });
    expect(live.holdout.map((p) => p.loss)).toEqual([3, 2.5]);
  });

  it('takes the job view from status events and ignores unknown events', () => {
    const live = applyTrainingEvent(emptyLive, 'status', { id: 'j', status: 'completed' });
    expect(live.job?.status).toBe('completed');
    expect(applyTrainingEvent(live, 'ping', {})).toBe(live);
  });
});
