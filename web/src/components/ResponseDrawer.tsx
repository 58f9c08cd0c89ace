import { useEffect, useRef } from 'react';
import { label } from '../api/types';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A response's full text and every metric in a modal side panel: focus moves in, Tab stays inside, Escape or Close
 * ends it and focus returns to what opened it (the table row).
 * Takes a response view (metrics nested) or a flat export row (metrics alongside).
 */
export function ResponseDrawer({ response, onClose }: { response: object; onClose: () => void }) {
  const row = response as { content?: unknown; metrics?: unknown };
  const panel = useRef<HTMLElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') { e.preventDefault(); closeRef.current(); return; }
      if (e.key !== 'Tab' || !panel.current) return;
      const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items[items.length - 1];
      const inside = panel.current.contains(document.activeElement);
      if (e.shiftKey && (document.activeElement === first || !inside)) { e.preventDefault(); last?.focus(); }
      else if (!e.shiftKey && (document.activeElement === last || !inside)) { e.preventDefault(); first?.focus(); }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const metrics = (row.metrics && typeof row.metrics === 'object' ? row.metrics : response) as Record<string, unknown>;
  const scores = Object.entries(metrics).filter(([k, v]) => typeof v === 'number' && (k.endsWith('_score') || k.endsWith('_count')));
  const failure = (response as { error_message?: unknown; error_kind?: unknown });
  return (
    <>
      <div className="backdrop" onClick={onClose} aria-hidden="true" />
      <aside ref={panel} className="drawer" role="dialog" aria-modal="true" aria-labelledby="drawer-title">
        <button ref={close} type="button" className="secondary" onClick={onClose}>Close</button>
        <h2 id="drawer-title">Response</h2>
        {typeof failure.error_message === 'string' && failure.error_message && (
          <p className="problem">{String(failure.error_kind ?? 'failed').replace(/_/g, ' ')}: {failure.error_message}</p>)}
        <pre className="response" tabIndex={0} aria-label="Response text">{String(row.content ?? '')}</pre>
        <h3>Metrics</h3>
        <table><tbody>{scores.map(([k, v]) => <tr key={k}><th scope="row">{label(k)}</th><td>{(v as number).toFixed(2)}</td></tr>)}</tbody></table>
      </aside>
    </>
  );
}
