import { label } from '../api/types';
import { Drawer } from './Drawer';

/**
 * A response's full text and every metric in a modal side panel (Drawer).
 * Takes a response view (metrics nested) or a flat export row (metrics alongside).
 */
export function ResponseDrawer({ response, onClose }: { response: object; onClose: () => void }) {
  const row = response as { content?: unknown; metrics?: unknown };
  const metrics = (row.metrics && typeof row.metrics === 'object' ? row.metrics : response) as Record<string, unknown>;
  const scores = Object.entries(metrics).filter(([k, v]) => typeof v === 'number' && (k.endsWith('_score') || k.endsWith('_count')));
  const failure = (response as { error_message?: unknown; error_kind?: unknown });
  return (
    <Drawer title="Response" onClose={onClose}>
      {typeof failure.error_message === 'string' && failure.error_message && (
        <p className="problem">{String(failure.error_kind ?? 'failed').replace(/_/g, ' ')}: {failure.error_message}</p>)}
      <pre className="response" tabIndex={0} aria-label="Response text">{String(row.content ?? '')}</pre>
      <h3>Metrics</h3>
      <table><tbody>{scores.map(([k, v]) => <tr key={k}><th scope="row">{label(k)}</th><td>{(v as number).toFixed(2)}</td></tr>)}</tbody></table>
    </Drawer>
  );
}
