import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { BatchSummary, ComparedItem, RunSideBySide } from '../../api/types';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/States';
import { runLabel } from '../Compare';
import { MAX_RUNS, diffsAgainstFirst, sideBySidePath, toggleRun } from './sideBySide';
import './compare.css';

const PAGE_SIZE = 10;

/** 2–6 runs' outputs side by side per item (paired by the server), each later run word-diffed against the first. */
export function SideBySide({ runs }: { runs: BatchSummary[] }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [changedOnly, setChangedOnly] = useState(false);
  const [page, setPage] = useState(0);
  const ready = chosen.length >= 2;
  const result = useQuery({
    queryKey: ['side-by-side', chosen, changedOnly, page],
    enabled: ready,
    placeholderData: keepPreviousData,
    queryFn: () => api<RunSideBySide>(sideBySidePath(chosen, changedOnly, page, PAGE_SIZE)),
  });
  const choose = (id: string) => { setChosen(toggleRun(chosen, id)); setPage(0); };

  return (
    <div className="card" aria-labelledby="compare-side-heading">
      <h2 id="compare-side-heading">Outputs side by side</h2>
      <fieldset className="compare-runs">
        <legend>Runs to compare (2 to {MAX_RUNS}; the first chosen is the baseline)</legend>
        {runs.map((r) => (
          <label key={r.id} className="check">
            <input type="checkbox" checked={chosen.includes(r.id)} disabled={!chosen.includes(r.id) && chosen.length >= MAX_RUNS} onChange={() => choose(r.id)} />
            {chosen.includes(r.id) ? `${chosen.indexOf(r.id) + 1}. ` : ''}{runLabel(r)}
          </label>))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={changedOnly} onChange={(e) => { setChangedOnly(e.target.checked); setPage(0); }} /> Changed only (text differs from the first run)
      </label>
      {!ready ? <p className="muted">Choose at least two runs.</p> : (
        <QueryView query={result}>{(d) => (
          <>
            <p aria-live="polite" data-testid="side-by-side-summary">{d.items} items paired by combination and repetition; {d.changed_items} differ from {d.runs[0]?.name}
              {changedOnly ? ` · showing the ${d.page.total} changed` : ''}.</p>
            {d.page.items.length === 0 ? <p className="muted">No item differs.</p> : d.page.items.map((item) => <Item key={item.item_key} item={item} runs={d.runs} />)}
            <Pager page={page} pages={Math.max(1, Math.ceil(d.page.total / PAGE_SIZE))} onPage={setPage} />
          </>)}</QueryView>)}
    </div>
  );
}

function Item({ item, runs }: { item: ComparedItem; runs: RunSideBySide['runs'] }) {
  const diffs = diffsAgainstFirst(item);
  const parameters = Object.entries(item.parameters).map(([k, v]) => `${k} ${v}`).join(' · ');
  return (
    <section className="compare-item" aria-label={`Item ${item.item_key}`}>
      <h3>Item {item.item_key} {item.changed ? <span className="badge">changed</span> : <span className="muted">same text</span>}</h3>
      <p className="muted">{parameters}{item.parameters_differ ? ' (the runs used different parameters for this item)' : ''}</p>
      <div className="compare-outputs">
        {item.outputs.map((o, i) => (
          <figure key={runs[i]?.id ?? i} className="compare-output">
            <h4>{i + 1}. {runs[i]?.name}{o?.overall_score !== null && o?.overall_score !== undefined ? ` · overall ${o.overall_score.toFixed(1)}` : ''}</h4>
            {!o ? <p className="muted">No response for this item.</p> : (
              <p className="compare-text" tabIndex={0} role="region" aria-label={`Output of run ${i + 1}, ${runs[i]?.name}`}>
                {diffs[i] ? diffs[i]!.map((p, n) => (
                  <span key={n}>{n > 0 ? ' ' : ''}{p.kind === 'same' ? p.text : p.kind === 'removed'
                    ? <del><span className="visually-hidden">not in this run: </span>{p.text}</del>
                    : <ins><span className="visually-hidden">only in this run: </span>{p.text}</ins>}</span>)) : o.content}
              </p>)}
          </figure>))}
      </div>
    </section>
  );
}
