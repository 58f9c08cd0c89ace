import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, getApiKey, streamEvents } from '../api/client';
import type { Alert } from '../api/alerts';
import type { GateResult } from '../api/gates';
import type { Paged } from '../api/types';
import { runLiveConnection, type ConnectionState } from './liveConnection';
import { toastOf, type Toast } from './toasts';

const Live = createContext<ConnectionState>('stopped');

/** Whether the app's live event stream is connected (pages say "live" or fall back to polling). */
export const useLiveState = () => useContext(Live);

/**
 * The app's one live stream (runs started and finished, gates evaluated, alerts): each event refreshes the queries it
 * changes and shows a toast.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { pathname } = useLocation();
  const hasKey = Boolean(getApiKey());
  const [state, setState] = useState<ConnectionState>('stopped');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const seq = useRef(0);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);

  useEffect(() => {
    if (!hasKey) return;
    const abort = new AbortController();
    const onEvent = (event: string, data: unknown) => {
      const d = data as { run_id?: string; experiment_id?: string };
      if (event === 'run.started' || event === 'run.finished') {
        void client.invalidateQueries({ queryKey: ['batches'] });
        if (d.run_id) void client.invalidateQueries({ queryKey: ['batch', d.run_id] });
        if (d.experiment_id) void client.invalidateQueries({ queryKey: ['experiment', d.experiment_id] });
      } else if (event === 'gate.evaluated') {
        const gate = data as GateResult;
        client.setQueryData(['gate', gate.run_id], { kind: 'evaluated', result: gate });
      } else if (event === 'alert') {
        void client.invalidateQueries({ queryKey: ['alerts'] });
      }
      const toast = toastOf(event, data, ++seq.current);
      if (toast) {
        setToasts((all) => [...all.slice(-3), toast]);
        setTimeout(() => dismiss(toast.id), 10000);
      }
    };
    void runLiveConnection({ stream: streamEvents, onEvent, onState: setState }, abort.signal);
    return () => { abort.abort(); setState('stopped'); };
  }, [hasKey, client, dismiss]);

  return (
    <Live.Provider value={state}>
      {children}
      <div className="toasts-region" role="status" aria-live="polite" aria-label="Live events">
        {toasts.map((t) => (
          <div key={t.id} className={`toasts-item toasts-${t.tone}`}>
            <span>{t.text}</span>
            {t.link && pathname !== t.link && <Link to={t.link}>Open</Link>}
            <button type="button" className="secondary toasts-dismiss" aria-label={`Dismiss: ${t.text}`} onClick={() => dismiss(t.id)}>Dismiss</button>
          </div>
        ))}
      </div>
    </Live.Provider>
  );
}

/** The number of open alerts, for the navigation (refreshed by every live alert event). */
export function OpenAlertsCount() {
  const hasKey = Boolean(getApiKey());
  const open = useQuery({
    queryKey: ['alerts', 'open-count'],
    enabled: hasKey,
    refetchInterval: 60000,
    queryFn: async () => (await api<Paged<Alert>>('/api/alerts?status=open&page_size=1')).total,
  });
  if (!open.data) return null;
  return <> <span className="alerts-nav-count" aria-hidden="true">{open.data > 99 ? '99+' : open.data}</span><span className="visually-hidden">({open.data} open)</span></>;
}
