import { useEffect, useState } from 'react';
import { isFinal } from './useRunProgress';

/** For this long after a run stops (or after Pause/Cancel is pressed) its details are read again: calls in flight still land. */
export const SETTLE_MS = 15000;

/**
 * DESIGN.md "Run states": when the live stream reports a final state or `paused`, the run's details are read again every
 * 1.5 s for 15 s (and while paused), so the page shows the server's counters, not the stream's last event.
 * `touch` restarts the window after an action.
 */
export function useSettling(liveStatus: string | undefined, invalidate: () => void) {
  const [changedAt, setChangedAt] = useState<number | null>(null);
  const stopped = isFinal(liveStatus) || liveStatus === 'paused';
  useEffect(() => {
    if (!stopped) return;
    setChangedAt(Date.now());
    invalidate();
    // invalidate is a fresh closure each render; only a change of state should trigger the re-read.
  }, [stopped, liveStatus]);
  const refetchInterval = () => (changedAt !== null && Date.now() - changedAt < SETTLE_MS) || liveStatus === 'paused' ? 1500 : false;
  return { refetchInterval, touch: () => setChangedAt(Date.now()), stopped };
}
