import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { isCorrect, type EvaluationItem, type PairComparison } from '../api/evaluations';
import { Pager } from '../components/Pager';
import { QueryView } from '../components/States';
import { ItemDrawer } from '../components/evaluation/ItemDrawer';
import { WordDiffView } from '../components/evaluation/WordDiffView';
import { pValue, percent, signed } from '../components/evaluation/format';
import { pairAnswers, type PairedAnswer } from '../evaluation/correctnessGrid';
import { similarity, wordDiff } from '../evaluation/wordDiff';
import { evaluationKey, fetchEvaluation, useComparison, useEvaluationItems } from '../hooks/evaluationQueries';
import { isFinal } from '../hooks/useRunProgress';

const PAGE = 20;

/** Long extracted answers (a last-line fallback can be a paragraph) are cut here; the drawer shows them whole. */
const clip = (text: string | null) => (text && text.length > 160 ? `${text.slice(0, 160)}…` : text);

/** Method comparison: the server's pairwise statistics, then two methods' answers per item side by side with a word diff. */
export function EvaluationCompare() {
  const { id = '' } = useParams();
  const evaluation = useQuery({ queryKey: evaluationKey(id), queryFn: () => fetchEvaluation(id), refetchInterval: (q) => (q.state.data && !isFinal(q.state.data.status) ? 10000 : false) });
  const e = evaluation.data;
  const comparison = useComparison(id, (e?.methods.length ?? 0) > 1, e ? `${e.status}-${e.completed_items}` : '');
  const items = useEvaluationItems(id, e !== undefined, () => (e && !isFinal(e.status) ? 10000 : false));
  const [pair, setPair] = useState<[string, string] | null>(null);
  const methods = e?.methods.map((m) => m.label) ?? [];
  const [a, b] = pair ?? [methods[0] ?? '', methods[1] ?? ''];
  return (
    <QueryView query={evaluation}>{(ev) => (
      <>
        <h1>Method comparison: {ev.name}</h1>
        <p><Link to={`/evaluations/${id}`}>Back to the evaluation</Link></p>
        {!isFinal(ev.status) && <p className="notice" role="status">The evaluation is {ev.status.replace(/_/g, ' ')}: these figures cover the items answered so far.</p>}
        {ev.methods.length < 2 ? <p className="muted">This evaluation has one method; a comparison needs two or more.</p> : (
          <>
            <section className="card" aria-labelledby="pairs-heading">
              <h2 id="pairs-heading">Every pair of methods</h2>
              <p className="muted">Correct = exact match with a reference or alias, on the items both methods answered. Difference = accuracy A − accuracy B in percentage points, with its bootstrap 95% CI; McNemar's exact p, and Holm-adjusted over the {ev.methods.length * (ev.methods.length - 1) / 2} pairs.</p>
              <QueryView query={comparison} empty={(c) => c.pairs.length === 0}>{(c) => <PairsTable pairs={c.pairs} selected={[a, b]} onSelect={(x, y) => setPair([x, y])} />}</QueryView>
            </section>
            <section className="card" aria-labelledby="answers-heading">
              <h2 id="answers-heading">Answers side by side</h2>
              <div className="row">
                <label>Method A
                  <select value={a} onChange={(x) => setPair([x.target.value, b])}>{methods.map((m) => <option key={m} value={m}>{m}</option>)}</select>
                </label>
                <label>Method B
                  <select value={b} onChange={(x) => setPair([a, x.target.value])}>{methods.map((m) => <option key={m} value={m}>{m}</option>)}</select>
                </label>
              </div>
              {a === b ? <p className="muted">Choose two different methods.</p>
                : <QueryView query={items}>{({ items: list }) => <SideBySide key={`${a}|${b}`} items={list} a={a} b={b} />}</QueryView>}
            </section>
          </>)}
      </>)}</QueryView>
  );
}

function PairsTable({ pairs, selected, onSelect }: { pairs: PairComparison[]; selected: [string, string]; onSelect: (a: string, b: string) => void }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Pairwise comparison">
      <table>
        <thead><tr>
          <th scope="col">Pair (A vs B)</th><th scope="col">n</th><th scope="col">Both correct</th><th scope="col">Only A</th><th scope="col">Only B</th><th scope="col">Neither</th>
          <th scope="col">Accuracy A</th><th scope="col">Accuracy B</th><th scope="col">Difference</th><th scope="col">95% CI</th><th scope="col">McNemar p</th><th scope="col">Holm p</th>
        </tr></thead>
        <tbody>{pairs.map((p) => {
          const chosen = selected[0] === p.method_a && selected[1] === p.method_b;
          return (
            <tr key={`${p.method_a}|${p.method_b}`} aria-current={chosen ? 'true' : undefined}>
              <th scope="row"><button type="button" className="link" aria-pressed={chosen} onClick={() => onSelect(p.method_a, p.method_b)}>{p.method_a} vs {p.method_b}</button></th>
              <td>{p.n}</td><td>{p.both_correct}</td><td>{p.only_a}</td><td>{p.only_b}</td><td>{p.neither_correct}</td>
              <td>{percent(p.accuracy_a)}</td><td>{percent(p.accuracy_b)}</td>
              <td className={p.holm_p < 0.05 ? (p.difference > 0 ? 'better' : 'worse') : undefined}>{signed(p.difference)}</td>
              <td>{p.ci_lower === null || p.ci_upper === null ? '—' : `${signed(p.ci_lower)} to ${signed(p.ci_upper)}`}</td>
              <td>{pValue(p.mcnemar_p)}</td><td>{pValue(p.holm_p)}{p.holm_p < 0.05 ? ' (significant)' : ''}</td>
            </tr>);
        })}</tbody>
      </table>
    </div>
  );
}

function SideBySide({ items, a, b }: { items: EvaluationItem[]; a: string; b: string }) {
  const pairs = useMemo(() => pairAnswers(items, a, b), [items, a, b]);
  const [disagreeOnly, setDisagreeOnly] = useState(false);
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<EvaluationItem | null>(null);
  const shown = disagreeOnly ? pairs.filter((p) => !p.agree) : pairs;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  if (pairs.length === 0) return <p className="muted" data-testid="no-shared-items">No item was answered by both {a} and {b} yet.</p>;
  return (
    <>
      <div className="row">
        <label className="check"><input type="checkbox" checked={disagreeOnly} onChange={(e) => { setDisagreeOnly(e.target.checked); setPage(0); }} />Only items where one is right and the other wrong</label>
        <span className="muted">{shown.length} of {pairs.length} shared items</span>
      </div>
      <p className="muted">Words only in A are <del>struck through</del>; words only in B are <ins>underlined</ins>.</p>
      {shown.slice(page * PAGE, (page + 1) * PAGE).map((p) => <PairCard key={p.itemId} pair={p} a={a} b={b} onOpen={setOpen} />)}
      <Pager page={page} pages={pages} onPage={setPage} noun="items" />
      {open && <ItemDrawer item={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function PairCard({ pair, a, b, onOpen }: { pair: PairedAnswer; a: string; b: string; onOpen: (item: EvaluationItem) => void }) {
  const parts = useMemo(() => wordDiff(pair.a.answer ?? '', pair.b.answer ?? ''), [pair]);
  const verdict = (item: EvaluationItem) => (isCorrect(item) ? '✓ correct' : '✗ wrong');
  return (
    <article className="pair" aria-labelledby={`pair-${pair.itemId}`} data-testid="answer-pair">
      <h3 id={`pair-${pair.itemId}`}><code>{pair.itemId}</code> {pair.question}</h3>
      <p className="muted">Expected: {pair.expected.join(' · ')} · {Math.round(similarity(parts) * 100)}% of words shared</p>
      <div className="compare">
        {([['a', a, pair.a], ['b', b, pair.b]] as const).map(([side, method, item]) => (
          <div key={side} className="card">
            <h4>{side.toUpperCase()}: {method} <span className={isCorrect(item) ? 'better' : 'worse'}>{verdict(item)}</span></h4>
            <WordDiffView parts={parts} side={side} label={`Answer of ${method} on ${pair.itemId}`} />
            <p className="muted">Extracted: {clip(item.extracted_answer) || '(none)'}</p>
            <button type="button" className="secondary" onClick={() => onOpen(item)}>Details of {method} on {pair.itemId}</button>
          </div>))}
      </div>
    </article>
  );
}
