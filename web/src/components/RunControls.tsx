import { useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { isFinal } from '../hooks/useRunProgress';
import { ProblemView } from './States';

export interface RunActions { pause: string; resume: string; cancel: { path: string; method: string } }

/**
 * Pause / Resume / Cancel of a run (batch or evaluation) as DESIGN.md "Run states" says: Cancel asks first in an inline
 * alertdialog with the safe choice focused; a refused action shows the API's problem. `extra` holds page-specific
 * buttons (Start, Retry failed calls).
 */
export function RunControls({ status, noun, kept, actions, onDone, extra, streamError }: {
  status: string | undefined; noun: string; kept: string; actions: RunActions; onDone: () => Promise<void> | void; extra?: (act: (path: string) => void) => ReactNode; streamError?: unknown;
}) {
  const [actionError, setActionError] = useState<unknown>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const final = isFinal(status);
  const act = async (path: string, method = 'POST') => {
    setActionError(null);
    setConfirmCancel(false);
    try {
      await api(path, { method });
      await onDone();
    } catch (e) { setActionError(e); }
  };
  return (
    <>
      <div className="row">
        {extra?.((path) => void act(path))}
        {status === 'running' && <button type="button" className="secondary" onClick={() => act(actions.pause)}>Pause</button>}
        {status === 'paused' && <button type="button" onClick={() => act(actions.resume)}>Resume</button>}
        {status && !final && !confirmCancel && <button type="button" className="secondary" onClick={() => setConfirmCancel(true)}>Cancel</button>}
      </div>
      {confirmCancel && !final && (
        <div className="notice" role="alertdialog" aria-label={`Cancel this ${noun}?`}>
          <p>Cancel this {noun}? {kept}</p>
          <div className="row">
            <button type="button" onClick={() => act(actions.cancel.path, actions.cancel.method)}>Yes, cancel the {noun}</button>
            <button type="button" className="secondary" autoFocus onClick={() => setConfirmCancel(false)}>Keep running</button>
          </div>
        </div>)}
      <ProblemView error={actionError ?? streamError ?? null} />
    </>
  );
}
