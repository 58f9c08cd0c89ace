import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api/client';
import type { Paged } from '../api/types';
import { createQueue, giveFeedback, nextItem, skipItem, validateQueue } from '../api/annotation';
import type { AnnotationQueue, Me, NextItem, QueueDraft, TenantUser } from '../api/annotation';
import { Empty, ProblemView, QueryView } from '../components/States';
import '../annotate/annotate.css';
import { SHORTCUTS, applyShortcut, emptyJudgement, feedbackOf, isTyping, shortcutFor } from '../annotate/shortcuts';
import type { Judgement, ShortcutAction } from '../annotate/shortcuts';

/** People's feedback: the reviewer's next item with keyboard shortcuts, and for managers the queues with progress and a form. */
export function Annotate() {
  const me = useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/api/me') });
  const queues = useQuery({ queryKey: ['annotation-queues'], queryFn: () => api<Paged<AnnotationQueue>>('/api/annotation-queues?page_size=200') });
  const manages = me.data?.permissions.includes('experiments:update') ?? false;
  return (
    <>
      <h1>Annotate</h1>
      <p className="muted">Judge responses one at a time: a score or thumbs, and a corrected answer where the response is wrong. Corrected answers on an evaluation can become a new version of its dataset (on the evaluation's page).</p>
      <QueryView query={queues}>
        {(data) => <Review queues={data.items.filter((q) => me.data && q.reviewers.some((r) => r.reviewer === me.data.subject_id))} />}
      </QueryView>
      {manages && <Manage queues={queues.data?.items} />}
    </>
  );
}

function Review({ queues }: { queues: AnnotationQueue[] }) {
  const [chosen, setChosen] = useState('');
  const queue = queues.find((q) => q.id === chosen) ?? queues[0];
  if (!queue) return <div className="card"><h2>Your next item</h2><Empty>No annotation queue names you as a reviewer.</Empty></div>;
  return (
    <section className="card" aria-labelledby="annotate-next-heading">
      <h2 id="annotate-next-heading">Your next item</h2>
      {queues.length > 1 && (
        <label>Queue
          <select value={queue.id} onChange={(e) => setChosen(e.target.value)}>
            {queues.map((q) => <option key={q.id} value={q.id}>{q.name}</option>)}
          </select>
        </label>
      )}
      <ReviewItem key={queue.id} queueId={queue.id} />
      <h3>Keyboard shortcuts</h3>
      <p className="muted">Not active while you type in a field.</p>
      <dl className="annotate-shortcuts">
        {SHORTCUTS.map(([key, what]) => <div key={key}><dt><kbd>{key}</kbd></dt><dd>{what}</dd></div>)}
      </dl>
    </section>
  );
}

function ReviewItem({ queueId }: { queueId: string }) {
  const client = useQueryClient();
  const next = useQuery({ queryKey: ['annotation-next', queueId], queryFn: () => nextItem(queueId) });
  const [judgement, setJudgement] = useState<Judgement>(emptyJudgement);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const corrected = useRef<HTMLTextAreaElement>(null);
  const item = next.data ?? null;
  const loaded = (message: string) => {
    setJudgement(emptyJudgement);
    setError(null);
    setSaid(message);
    void client.invalidateQueries({ queryKey: ['annotation-queues'] });
    return client.invalidateQueries({ queryKey: ['annotation-next', queueId] });
  };
  const submit = useMutation({
    mutationFn: (body: Record<string, unknown>) => giveFeedback(item!.response_id, body),
    onSuccess: () => loaded(`Feedback saved on item ${item!.position + 1}; the next item is loaded.`),
    onError: (e) => setError(e instanceof ApiError ? (Object.entries(e.problem.errors ?? {}).map(([f, m]) => `${f}: ${m.join(' ')}`).join(' ') || e.message) : String(e)),
  });
  const skip = useMutation({
    mutationFn: () => skipItem(queueId, item!.item_id),
    onSuccess: () => loaded(`Item ${item!.position + 1} skipped; it comes back after your other items.`),
  });

  const act = (action: ShortcutAction) => {
    if (!item || submit.isPending || skip.isPending) return;
    if (action.kind === 'focus-corrected') corrected.current?.focus();
    else if (action.kind === 'skip') skip.mutate();
    else if (action.kind === 'submit') {
      const { body, error: problem } = feedbackOf(judgement);
      if (problem) setError(`score: ${problem}`);
      else submit.mutate(body!);
    } else setJudgement((j) => applyShortcut(j, action));
  };
  const latest = useRef(act);
  latest.current = act;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      // Keys pressed in another form of the page (creating a queue) are that form's.
      if (target?.closest('form:not(.annotate-item)')) return;
      const action = shortcutFor({
        key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey,
        typing: isTyping(target), onControl: !!target?.closest('button, a, summary, [role="button"]'),
      });
      if (!action) return;
      e.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (next.isPending) return <p className="muted" role="status">Loading…</p>;
  if (next.error) return <ProblemView error={next.error} />;
  return (
    <div>
      <p className="annotate-live" role="status" aria-live="polite">{said}</p>
      {!item ? <p>All your items in this queue are done. Thank you.</p> : (
        <ItemForm item={item} judgement={judgement} setJudgement={setJudgement} corrected={corrected} error={error}
          busy={submit.isPending || skip.isPending} onAction={act} />
      )}
      <ProblemView error={skip.error} />
    </div>
  );
}

function ItemForm({ item, judgement, setJudgement, corrected, error, busy, onAction }: {
  item: NextItem; judgement: Judgement; setJudgement: (j: Judgement) => void; corrected: React.RefObject<HTMLTextAreaElement | null>;
  error: string | null; busy: boolean; onAction: (a: ShortcutAction) => void;
}) {
  return (
    <form className="annotate-item" aria-label="Judge the response" noValidate onSubmit={(e) => { e.preventDefault(); onAction({ kind: 'submit' }); }}>
      <p className="muted">Item {item.position + 1} · {item.remaining} of your {item.assigned} still open{item.skipped ? ' · skipped before' : ''}</p>
      <h3>Prompt</h3>
      <p className="annotate-text">{item.prompt}</p>
      <h3>Response</h3>
      <p className="annotate-text">{item.response}</p>
      {item.reference_answer !== null && (<><h3>Reference answer</h3><p className="annotate-text">{item.reference_answer}</p></>)}
      <fieldset className="annotate-score" aria-describedby={error ? 'annotate-error' : undefined}>
        <legend>Score (1 worst, 5 best) or thumbs</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" className={judgement.score === n ? '' : 'secondary'} aria-pressed={judgement.score === n}
            onClick={() => onAction({ kind: 'score', value: n as 1 | 2 | 3 | 4 | 5 })}>{n}</button>
        ))}
        <button type="button" className={judgement.thumbs === 'up' ? '' : 'secondary'} aria-pressed={judgement.thumbs === 'up'} onClick={() => onAction({ kind: 'thumbs', value: 'up' })}>Thumbs up</button>
        <button type="button" className={judgement.thumbs === 'down' ? '' : 'secondary'} aria-pressed={judgement.thumbs === 'down'} onClick={() => onAction({ kind: 'thumbs', value: 'down' })}>Thumbs down</button>
      </fieldset>
      {error && <p id="annotate-error" className="field-error" role="alert">{error}</p>}
      <div className="row">
        <label>Label (optional)
          <input value={judgement.label} maxLength={100} onChange={(e) => setJudgement({ ...judgement, label: e.target.value })} />
        </label>
        <label className="annotate-wide">Comment (optional)
          <input value={judgement.comment} onChange={(e) => setJudgement({ ...judgement, comment: e.target.value })} />
        </label>
      </div>
      <label>Corrected answer (optional)
        <textarea ref={corrected} rows={3} value={judgement.corrected} onChange={(e) => setJudgement({ ...judgement, corrected: e.target.value })} />
      </label>
      <div className="row annotate-actions">
        <button type="submit" disabled={busy}>Submit and next</button>
        <button type="button" className="secondary" disabled={busy} onClick={() => onAction({ kind: 'skip' })}>Skip</button>
      </div>
    </form>
  );
}

const emptyDraft: QueueDraft = { name: '', run_id: '', reviewers: [], reviewers_per_response: '1', sample_size: '', seed: '' };

function Manage({ queues }: { queues: AnnotationQueue[] | undefined }) {
  return (
    <>
      <section className="card" aria-labelledby="annotate-queues-heading">
        <h2 id="annotate-queues-heading">Queues and progress</h2>
        {!queues?.length ? <Empty>No annotation queue yet: create one below.</Empty> : queues.map((q) => <QueueProgress key={q.id} queue={q} />)}
      </section>
      <CreateQueue />
    </>
  );
}

function QueueProgress({ queue }: { queue: AnnotationQueue }) {
  return (
    <div className="annotate-queue">
      <h3>{queue.name}</h3>
      <p className="muted">{queue.run_kind} {queue.run_id} · {queue.responses} responses × {queue.reviewers_per_response} reviewer(s) · {queue.done} of {queue.assigned} done</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`Progress of ${queue.name}`}>
        <table>
          <thead><tr><th scope="col">Reviewer</th><th scope="col">Assigned</th><th scope="col">Done</th><th scope="col">Skipped</th><th scope="col">Progress</th></tr></thead>
          <tbody>
            {queue.reviewers.map((r) => (
              <tr key={r.reviewer}>
                <td>{r.reviewer}</td><td>{r.assigned}</td><td>{r.done}</td><td>{r.skipped}</td>
                <td><progress className="annotate-progress" max={Math.max(r.assigned, 1)} value={r.done} aria-label={`${r.reviewer}: ${r.done} of ${r.assigned} done`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function CreateQueue() {
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['admin-users'], queryFn: () => api<Paged<TenantUser>>('/api/admin/users?page_size=200'), retry: false });
  const [draft, setDraft] = useState<QueueDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [typedReviewers, setTypedReviewers] = useState('');
  const create = useMutation({
    mutationFn: createQueue,
    onSuccess: () => { setDraft(emptyDraft); setTypedReviewers(''); void client.invalidateQueries({ queryKey: ['annotation-queues'] }); },
    onError: (e) => { if (e instanceof ApiError && e.problem.errors) setErrors(Object.fromEntries(Object.entries(e.problem.errors).map(([f, m]) => [f, m.join(' ')]))); },
  });
  const list = users.data?.items ?? [];
  const reviewers = () => [...draft.reviewers, ...typedReviewers.split(/[\s,]+/).filter(Boolean)];
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const full = { ...draft, reviewers: reviewers() };
    const found = validateQueue(full);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate(full);
  };
  const field = (name: keyof QueueDraft, text: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label>{text}
      <input {...props} value={draft[name] as string} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        aria-invalid={errors[name] ? 'true' : 'false'} aria-describedby={errors[name] ? `annotate-${name}-error` : undefined} />
      {errors[name] && <span id={`annotate-${name}-error`} className="field-error">{errors[name]}</span>}
    </label>
  );
  const reviewerErrors = Object.entries(errors).filter(([f]) => f.startsWith('reviewers[') || f === 'reviewers').map(([f, m]) => `${f}: ${m}`);
  return (
    <form className="card" aria-labelledby="annotate-create-heading" noValidate onSubmit={submit}>
      <h2 id="annotate-create-heading">Create a queue</h2>
      <div className="row">
        {field('name', 'Name (optional)')}
        {field('run_id', 'Run id (batch run or evaluation)', { placeholder: '0190…' })}
      </div>
      <fieldset className="annotate-reviewers" aria-describedby={reviewerErrors.length ? 'annotate-reviewers-error' : undefined}>
        <legend>Reviewers</legend>
        {list.map((u) => {
          const subject = `user:${u.id}`;
          return (
            <label key={u.id} className="annotate-check">
              <input type="checkbox" checked={draft.reviewers.includes(subject)}
                onChange={(e) => setDraft({ ...draft, reviewers: e.target.checked ? [...draft.reviewers, subject] : draft.reviewers.filter((r) => r !== subject) })} />
              {u.name || u.email} ({u.role})
            </label>
          );
        })}
        <label>Other reviewer ids (user:…, key:… or a user id; separated by spaces)
          <input value={typedReviewers} onChange={(e) => setTypedReviewers(e.target.value)} />
        </label>
        {reviewerErrors.length > 0 && <span id="annotate-reviewers-error" className="field-error">{reviewerErrors.join(' ')}</span>}
      </fieldset>
      <div className="row">
        {field('reviewers_per_response', 'Reviewers per response', { type: 'number', min: 1, step: 1 })}
        {field('sample_size', 'Sample size (optional)', { type: 'number', min: 1, max: 10000, step: 1 })}
        {field('seed', 'Seed (optional)', { type: 'number', min: 0, step: 1 })}
      </div>
      <div className="row annotate-actions"><button type="submit" disabled={create.isPending}>Create queue</button></div>
      {create.isSuccess && <p role="status">Queue created: {create.data.responses} responses dealt to {create.data.reviewers.length} reviewer(s).</p>}
      {create.error && !(create.error instanceof ApiError && create.error.problem.errors) && <ProblemView error={create.error} />}
    </form>
  );
}
