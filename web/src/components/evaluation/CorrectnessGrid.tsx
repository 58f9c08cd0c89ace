import { useMemo, useState } from 'react';
import type { EvaluationItem } from '../../api/evaluations';
import { buildGrid, CELL_TEXT, cellState } from '../../evaluation/correctnessGrid';
import { Pager } from '../Pager';

const PAGE = 50;

/** Items × methods; every cell is a button (click, Enter or Space) that opens the item's drawer. */
export function CorrectnessGrid({ items, methods, onOpen }: { items: EvaluationItem[]; methods: string[]; onOpen: (item: EvaluationItem) => void }) {
  const rows = useMemo(() => buildGrid(items, methods), [items, methods]);
  const [disagreeOnly, setDisagreeOnly] = useState(false);
  const [page, setPage] = useState(0);
  const shown = disagreeOnly ? rows.filter((r) => r.correct > 0 && r.correct < methods.length) : rows;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const visible = shown.slice(page * PAGE, (page + 1) * PAGE);
  return (
    <>
      <div className="row">
        <label className="check"><input type="checkbox" checked={disagreeOnly} onChange={(e) => { setDisagreeOnly(e.target.checked); setPage(0); }} />Only items the methods disagree on</label>
        <span className="muted">{shown.length} of {rows.length} items</span>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Correctness grid">
        <table className="correctness">
          <caption className="muted" style={{ textAlign: 'left' }}>Exact match per item and method; select a cell for the answer, scores and trace</caption>
          <thead><tr><th scope="col">Item</th><th scope="col">Question</th>{methods.map((m) => <th key={m} scope="col">{m}</th>)}<th scope="col">Correct</th></tr></thead>
          <tbody>{visible.map((row) => (
            <tr key={row.itemId}>
              <th scope="row"><code>{row.itemId}</code></th>
              <td className="wrap">{row.question.length > 70 ? `${row.question.slice(0, 70)}…` : row.question}</td>
              {row.cells.map((cell, i) => {
                const state = cellState(cell);
                return (
                  <td key={methods[i]} className={`cell ${state}`}>
                    {cell ? <button type="button" className="cell-button" aria-label={`${row.itemId}, ${methods[i]}: ${state}`} onClick={() => onOpen(cell)}>{CELL_TEXT[state]}</button> : CELL_TEXT.missing}
                  </td>);
              })}
              <td>{row.correct} of {methods.length}</td>
            </tr>))}</tbody>
        </table>
      </div>
      <Pager page={page} pages={pages} onPage={setPage} noun="items" />
    </>
  );
}

/** A short list of work items (the fastest or slowest), each with a button that opens its drawer. */
export function ItemList({ title, items, onOpen }: { title: string; items: EvaluationItem[]; onOpen: (item: EvaluationItem) => void }) {
  return (
    <div className="card">
      <h3>{title}</h3>
      {items.length === 0 ? <p className="muted">No answered items yet.</p> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={title}><table>
          <thead><tr><th scope="col">Latency</th><th scope="col">Item</th><th scope="col">Method</th><th scope="col">Result</th></tr></thead>
          <tbody>{items.map((i) => (
            <tr key={i.id}>
              <td>{Math.round(i.latency_ms)} ms</td>
              <td><button type="button" className="link" onClick={() => onOpen(i)}>{i.item_id}</button></td>
              <td>{i.method}</td><td>{CELL_TEXT[cellState(i)]}</td>
            </tr>))}</tbody>
        </table></div>)}
    </div>
  );
}
