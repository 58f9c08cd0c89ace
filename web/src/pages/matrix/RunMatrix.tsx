import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { label, SCORES, type StoredResponseView } from '../../api/types';
import { Pager } from '../../components/Pager';
import { ResponseDrawer } from '../../components/ResponseDrawer';
import { ProblemView, QueryView } from '../../components/States';
import { useBatch } from '../../hooks/queries';
import { cellVerdict, rowLabel, varying, type MatrixCell } from './matrix';
import { fetchResponse, useGateThresholds, useRunMatrix } from './matrixQueries';
import './matrix.css';

/**
 * A run as a matrix, like promptfoo's viewer: rows are prompts and parameter sets, columns the values of one dimension
 * (models, prompts or a parameter); each cell shows the start of its output, the chosen metric's mean and, when the
 * experiment has a gate, whether the cell meets it. A cell opens its first response in the drawer.
 */
export function RunMatrix() {
  const { id = '' } = useParams();
  const batch = useBatch(id);
  const [columns, setColumns] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [metric, setMetric] = useState('overall_score');
  const matrix = useRunMatrix(id, columns, page);
  const gate = useGateThresholds(batch.data?.status.experiment_id);
  const checks = gate.data?.checks ?? [];
  const [open, setOpen] = useState<StoredResponseView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const show = async (cell: MatrixCell) => {
    setFailure(null);
    try { setOpen(await fetchResponse(cell.response_id)); } catch (e) { setFailure(e); }
  };

  return (
    <>
      <h1>Matrix{batch.data ? `: ${batch.data.name}` : ''}</h1>
      <p><Link to={`/batches/${id}`}>Back to the run's analysis</Link></p>
      <QueryView query={matrix} empty={(m) => m.responses === 0}>{(m) => {
        const pages = Math.max(1, Math.ceil(m.rows.total / m.rows.page_size));
        const metrics = [...SCORES, ...['f1', 'exact_match'].filter((x) => m.rows.items.some((r) => r.cells.some((c) => c && x in c.means)))];
        return (
          <>
            <div className="card row">
              <label>Columns
                <select value={m.columns} onChange={(e) => { setColumns(e.target.value); setPage(0); }}>
                  {varying(m).length === 0 && <option value={m.columns}>{m.columns}</option>}
                  {varying(m).map((d) => <option key={d} value={d}>{d} ({m.dimensions[d]} values)</option>)}
                </select>
              </label>
              <label>Metric
                <select value={metric} onChange={(e) => setMetric(e.target.value)}>{metrics.map((x) => <option key={x} value={x}>{label(x)}</option>)}</select>
              </label>
              <p className="muted matrix-gate" data-testid="matrix-gate">{gate.data
                ? `Gate: ${checks.map((c) => `${c.metric} ${c.op} ${c.value}`).join(', ')} — each cell is checked on the metrics it has; run-level checks are on the run's page.`
                : 'No gate on this run\'s experiment: cells show scores only.'}</p>
            </div>
            <p className="muted">{m.rows.total} rows ({m.row_dimensions.length ? m.row_dimensions.join(' × ') : 'one configuration'}) × {m.column_values.length} columns ({m.columns}), {m.responses} responses; repetitions share a cell.</p>
            <ProblemView error={failure} />
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Run matrix">
              <table className="matrix-table">
                <caption className="visually-hidden">Rows: {m.row_dimensions.join(', ') || 'the run'}; columns: {m.columns}; select a cell for its first response</caption>
                <thead><tr><th scope="col">{m.row_dimensions.join(' · ') || 'run'}</th>{m.column_values.map((v) => <th key={v} scope="col">{m.columns === 'prompt' ? rowLabel({ prompt: v }, 60) : `${m.columns} ${v || 'default'}`}</th>)}</tr></thead>
                <tbody>{m.rows.items.map((row, r) => (
                  <tr key={r}>
                    <th scope="row" className="matrix-row-label">{rowLabel(row.values) || 'every response'}</th>
                    {row.cells.map((cell, c) => {
                      if (!cell) return <td key={c} className="muted">—</td>;
                      const verdict = cellVerdict(cell.means, checks);
                      const value = cell.means[metric];
                      return (
                        <td key={c} className={verdict ? (verdict.passed ? 'matrix-pass' : 'matrix-fail') : undefined}>
                          {/* No aria-label: the name is the visible text with its context around it (WCAG 2.5.3). */}
                          <button type="button" className="matrix-cell" onClick={() => void show(cell)}>
                            <span className="visually-hidden">{rowLabel(row.values) ? `${rowLabel(row.values)}, ` : ''}{m.columns} {m.column_values[c]}: </span>
                            <span className="matrix-excerpt">{cell.excerpt || '(empty)'}</span>
                            <span className="matrix-score">{label(metric)} <strong>{value?.toFixed(1) ?? '—'}</strong> · n {cell.responses}</span>
                            {verdict && <span className={`badge ${verdict.passed ? 'completed' : 'failed'}`}>{verdict.passed ? '✓ pass' : '✗ fail'}</span>}
                            <span className="visually-hidden">{verdict && !verdict.passed ? ` (misses the gate: ${verdict.failed.join('; ')})` : ''}. Open the first response</span>
                          </button>
                        </td>);
                    })}
                  </tr>))}</tbody>
              </table>
            </div>
            <Pager page={page} pages={pages} onPage={setPage} noun="rows" />
          </>);
      }}</QueryView>
      {open && <ResponseDrawer response={open} onClose={() => setOpen(null)} />}
    </>
  );
}
