import type { EvaluationItem, RetrievedChunk, TraceStep } from '../../api/evaluations';

/**
 * The agent's steps as Thought / Action / Observation; a tool error and a stuck ending are marked in words and
 * with their own frame, not by colour alone.
 */
export function TraceView({ item }: { item: Pick<EvaluationItem, 'trace' | 'status' | 'method'> }) {
  if (item.trace.length === 0) return null;
  const stuckAt = item.status === 'stuck' ? item.trace[item.trace.length - 1]?.step : undefined;
  return (
    <section aria-labelledby="trace-heading">
      <h3 id="trace-heading">Agent trace ({item.trace.length} step{item.trace.length === 1 ? '' : 's'})</h3>
      <ol className="trace">
        {item.trace.map((s) => <Step key={s.step} step={s} stuck={s.step === stuckAt} />)}
      </ol>
      {stuckAt !== undefined && (
        <p className="trace-stuck" data-testid="trace-stuck"><strong>Stuck</strong> at step {stuckAt}: the agent asked for the same action three times and was stopped without an answer.</p>)}
    </section>
  );
}

function Step({ step, stuck }: { step: TraceStep; stuck: boolean }) {
  const final = !step.action;
  return (
    <li className={`trace-step${step.tool_error ? ' tool-error' : ''}${stuck ? ' stuck' : ''}`}>
      <h4>Step {step.step}{step.tool_error ? ' · tool error' : ''}{stuck ? ' · repeated action' : ''}{final && !stuck ? ' · answer' : ''}</h4>
      <dl>
        {step.thought && <><dt>Thought</dt><dd>{step.thought}</dd></>}
        {step.action && <><dt>Action</dt><dd><code>{step.action}[{step.action_input ?? ''}]</code></dd></>}
        {step.observation !== null && <><dt>{step.tool_error ? 'Observation (tool error)' : 'Observation'}</dt><dd className="observation">{step.observation}</dd></>}
      </dl>
      <details><summary>Model output of step {step.step}</summary><pre className="response">{step.output}</pre></details>
    </li>
  );
}

/** The chunks a RAG method (or the agent's retrieve) put before the model, best first. */
export function RetrievedChunks({ chunks }: { chunks: RetrievedChunk[] }) {
  if (chunks.length === 0) return null;
  return (
    <section aria-labelledby="chunks-heading">
      <h3 id="chunks-heading">Retrieved chunks ({chunks.length})</h3>
      <ol className="retrieved-chunks">
        {chunks.map((c, i) => (
          <li key={`${c.chunk_id}-${i}`}>
            <strong>{c.document_title || c.document_id}</strong> <span className="muted">score {c.score.toFixed(3)}</span>
            <pre className="response">{c.text}</pre>
          </li>))}
      </ol>
    </section>
  );
}
