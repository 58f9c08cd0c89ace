import type { EvaluationItem } from '../../api/evaluations';
import { Drawer } from '../Drawer';
import { StatusBadge } from '../StatusBadge';
import { usd } from './format';
import { RetrievedChunks, TraceView } from './TraceView';

/** One work item in a modal drawer: question, expected answers, the answer and what was extracted, scores, and the trace. */
export function ItemDrawer({ item, onClose }: { item: EvaluationItem; onClose: () => void }) {
  return (
    <Drawer title={`Item ${item.item_id} · ${item.method}`} onClose={onClose}>
      <p><StatusBadge status={item.status} /> <span className="muted">{Math.round(item.latency_ms)} ms · {item.prompt_tokens + item.completion_tokens} tokens · {usd(item.cost_usd)}{item.steps > 1 ? ` · ${item.steps} steps` : ''}</span></p>
      {item.error && <p className="problem">{item.error}</p>}
      <dl className="item-fields">
        <dt>Question</dt><dd>{item.question}</dd>
        <dt>Expected</dt><dd>{item.expected.join(' · ')}</dd>
        <dt>Extracted answer</dt><dd data-testid="extracted-answer">{item.extracted_answer || <span className="muted">(none)</span>}</dd>
      </dl>
      <h3>Answer</h3>
      <pre className="response" tabIndex={0} aria-label="Answer text">{item.answer ?? ''}</pre>
      <h3>Scores</h3>
      {Object.keys(item.scores).length === 0 ? <p className="muted">Not scored.</p> : (
        <table><tbody>{Object.entries(item.scores).map(([k, v]) => <tr key={k}><th scope="row">{k.replace(/_/g, ' ')}</th><td>{v.toFixed(1)}</td></tr>)}</tbody></table>)}
      <TraceView item={item} />
      <RetrievedChunks chunks={item.retrieved_chunks} />
    </Drawer>
  );
}
