import { useEffect, useRef } from 'react';
import { label } from '../api/types';

/** A response's full text and every metric, in a side panel that Escape closes. */
/** Takes a response view (metrics nested) or a flat export row (metrics alongside). */
export function ResponseDrawer({ response, onClose }: { response: object; onClose: () => void }) {
  const row = response as { content?: unknown; metrics?: unknown };
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const metrics = (row.metrics && typeof row.metrics === 'object' ? row.metrics : response) as Record<string, unknown>;
  const scores = Object.entries(metrics).filter(([k, v]) => typeof v === 'number' && (k.endsWith('_score') || k.endsWith('_count')));
  return (
    <aside className="drawer" role="dialog" aria-label="Response">
      <button ref={close} type="button" className="secondary" onClick={onClose}>Close</button>
      <h2>Response</h2>
      <pre className="response">{String(row.content ?? '')}</pre>
      <h3>Metrics</h3>
      <table><tbody>{scores.map(([k, v]) => <tr key={k}><th>{label(k)}</th><td>{(v as number).toFixed(2)}</td></tr>)}</tbody></table>
    </aside>
  );
}
