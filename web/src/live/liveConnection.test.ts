import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { reconnectDelay, runLiveConnection, type StreamFn } from './liveConnection';
import { toastOf } from './toasts';

describe('reconnectDelay', () => {
  it('doubles from 1 s and stops at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});

describe('runLiveConnection', () => {
  it('reconnects after drops with growing waits, resets after an event, and stops for good on a 401', async () => {
    const waits: number[] = [];
    const events: string[] = [];
    const states: string[] = [];
    let call = 0;
    const stream: StreamFn = async (_path, onEvent) => {
      call++;
      if (call === 1) throw new TypeError('network down');
      if (call === 2) return; // the server closed the stream
      if (call === 3) { onEvent({}, 'ready'); onEvent({ run_id: 'r' }, 'run.finished'); return; }
      throw new ApiError(401, { title: 'API key invalid' });
    };
    const abort = new AbortController();
    await runLiveConnection({ stream, onEvent: (e) => events.push(e), onState: (s) => states.push(s), wait: async (ms) => { waits.push(ms); } }, abort.signal);
    expect(call).toBe(4);
    expect(waits).toEqual([1000, 2000, 1000]);
    expect(events).toEqual(['run.finished']);
    expect(states).toEqual(['connecting', 'reconnecting', 'reconnecting', 'live', 'reconnecting', 'stopped']);
  });

  it('ends quietly when aborted', async () => {
    const abort = new AbortController();
    let calls = 0;
    const stream: StreamFn = async () => { calls++; abort.abort(); throw new DOMException('aborted', 'AbortError'); };
    await runLiveConnection({ stream, onEvent: () => {}, wait: async () => {} }, abort.signal);
    expect(calls).toBe(1);
  });
});

describe('toastOf', () => {
  it('says what happened and links to it; only new alerts interrupt', () => {
    expect(toastOf('run.finished', { run_id: '0198f0aa-1111-7222', status: 'completed_with_errors', completed: 8, failed: 1 }, 1))
      .toEqual({ id: 1, tone: 'bad', link: '/batches/0198f0aa-1111-7222', text: 'Run 0198f0aa-1111 finished: completed with errors (8 completed, 1 failed).' });
    const gate = { run_id: 'r1', passed: false, checks: [{ passed: false }, { passed: true }] };
    expect(toastOf('gate.evaluated', gate, 2)?.text).toBe('Run r1 failed its gate (1 of 2 checks).');
    expect(toastOf('gate.evaluated', { ...gate, run_id: 'e1', passed: true, kind: 'evaluation' }, 6))
      .toEqual({ id: 6, tone: 'good', link: '/evaluations/e1', text: 'Evaluation e1 passed its gate.' });
    expect(toastOf('alert', { kind: 'failure_rate', status: 'open', message: 'spike' }, 3)?.text).toBe('Alert (failure rate): spike');
    expect(toastOf('alert', { kind: 'gate', status: 'acknowledged', message: 'x' }, 4)).toBeNull();
    expect(toastOf('ready', {}, 5)).toBeNull();
  });
});
