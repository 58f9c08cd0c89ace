import { useState, type KeyboardEvent } from 'react';
import { label } from '../../api/types';
import { QueryView } from '../../components/States';
import { configurationsOf, type Configuration } from '../matrix/matrix';
import { useRunMatrix } from '../matrix/matrixQueries';
import type { CellFilter } from './analysisQueries';
import { filterOf, nextIndex, numericDimensions, parallelLayout, scatterLayout, type Frame } from './configurationCharts';

const SCATTER: Frame = { width: 560, height: 260, left: 48, right: 16, top: 12, bottom: 40 };
const PARALLEL: Frame = { width: 640, height: 260, left: 56, right: 56, top: 16, bottom: 40 };
/** The charts read at most this many matrix rows (× its columns): one request, however large the run. */
const ROWS = 100;

/**
 * Every configuration of the run (from the matrix endpoint) as a parameter-vs-metric scatter and as parallel
 * coordinates, in SVG. Each chart is one Tab stop; the arrows move between its marks (roving focus), Enter or a click
 * opens that configuration's responses in the table, like a heatmap cell. The figures are also in a table.
 */
export function ConfigurationCharts({ runId, metric, onOpen }: { runId: string; metric: string; onOpen: (filter: CellFilter) => void }) {
  const matrix = useRunMatrix(runId, null, 0, ROWS);
  return (
    <QueryView query={matrix} empty={(m) => m.responses === 0}>{(m) => {
      const configs = configurationsOf(m);
      const dimensions = numericDimensions(configs);
      return (
        <>
          {m.rows.total > ROWS && <p className="muted">The charts show the first {ROWS} of {m.rows.total} rows of the matrix.</p>}
          {dimensions.length === 0 ? <p className="muted">No numeric parameter varies in this run: nothing to plot against.</p> : (
            <div className="grid analysis-charts">
              <Scatter configs={configs} dimensions={dimensions} metric={metric} onOpen={onOpen} />
              <Parallel configs={configs} dimensions={dimensions} metric={metric} onOpen={onOpen} />
            </div>)}
          <details className="analysis-figures">
            <summary>The charts' figures as a table ({configs.length} configurations)</summary>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Configurations and their mean">
              <table>
                <thead><tr>{[...new Set(configs.flatMap((c) => Object.keys(c.values)))].map((k) => <th key={k} scope="col">{k}</th>)}<th scope="col">{label(metric)}</th><th scope="col">Responses</th><th scope="col"><span className="visually-hidden">Open</span></th></tr></thead>
                <tbody>{configs.map((c, i) => (
                  <tr key={i}>{[...new Set(configs.flatMap((x) => Object.keys(x.values)))].map((k) => <td key={k} className="analysis-content">{c.values[k] ?? '—'}</td>)}
                    <td>{c.cell.means[metric]?.toFixed(1) ?? '—'}</td><td>{c.cell.responses}</td>
                    <td><button type="button" className="link" onClick={() => onOpen(filterOf(c))}>Show responses</button></td></tr>))}</tbody>
              </table>
            </div>
          </details>
        </>);
    }}</QueryView>
  );
}

/** Roving focus over n marks in one SVG: only the active mark is in the Tab order. */
function useRoving(count: number, open: (i: number) => void) {
  const [active, setActive] = useState(0);
  const onKeyDown = (e: KeyboardEvent<SVGElement>, i: number) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(i); return; }
    const next = nextIndex(e.key, i, count);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    (e.currentTarget.ownerSVGElement?.querySelectorAll<SVGElement>('[data-mark]')[next])?.focus();
  };
  return { active: Math.min(active, Math.max(0, count - 1)), setActive, onKeyDown };
}

function Scatter({ configs, dimensions, metric, onOpen }: { configs: Configuration[]; dimensions: string[]; metric: string; onOpen: (f: CellFilter) => void }) {
  const [parameter, setParameter] = useState(dimensions[0]);
  const x = dimensions.includes(parameter) ? parameter : dimensions[0];
  const { points, xTicks, yTicks } = scatterLayout(configs, x, metric, SCATTER);
  const roving = useRoving(points.length, (i) => onOpen(filterOf(points[i].config)));
  const bottom = SCATTER.height - SCATTER.bottom;
  return (
    <figure className="analysis-chart">
      <label>Parameter<select value={x} onChange={(e) => setParameter(e.target.value)}>{dimensions.map((d) => <option key={d} value={d}>{d}</option>)}</select></label>
      <svg viewBox={`0 0 ${SCATTER.width} ${SCATTER.height}`} role="group" aria-label={`${label(metric)} against ${x}: ${points.length} configurations; arrow keys move between them, Enter shows their responses`} data-testid="scatter">
        {yTicks.map((t) => <g key={`y${t.value}`}><line x1={SCATTER.left} x2={SCATTER.width - SCATTER.right} y1={t.at} y2={t.at} stroke="var(--line)" /><text x={SCATTER.left - 6} y={t.at + 4} textAnchor="end" fontSize="12" fill="var(--ink-soft)">{t.value}</text></g>)}
        {xTicks.map((t) => <text key={`x${t.value}`} x={t.at} y={bottom + 16} textAnchor="middle" fontSize="12" fill="var(--ink-soft)">{t.value}</text>)}
        <line x1={SCATTER.left} x2={SCATTER.width - SCATTER.right} y1={bottom} y2={bottom} stroke="var(--ink-soft)" />
        <text x={(SCATTER.left + SCATTER.width) / 2} y={SCATTER.height - 4} textAnchor="middle" fontSize="12" fill="var(--ink-soft)">{x}</text>
        {points.map((p, i) => (
          <circle key={i} data-mark="" className="analysis-point" cx={p.x} cy={p.y} r="7" tabIndex={i === roving.active ? 0 : -1} role="button" aria-label={`${p.label}. Show these responses`}
            onFocus={() => roving.setActive(i)} onClick={() => onOpen(filterOf(p.config))} onKeyDown={(e) => roving.onKeyDown(e, i)}><title>{p.label}</title></circle>))}
      </svg>
      <figcaption className="muted">Each dot is one configuration's mean {label(metric)} (up) at its {x} (across).</figcaption>
    </figure>
  );
}

function Parallel({ configs, dimensions, metric, onOpen }: { configs: Configuration[]; dimensions: string[]; metric: string; onOpen: (f: CellFilter) => void }) {
  const { axes, lines } = parallelLayout(configs, dimensions, metric, PARALLEL);
  const roving = useRoving(lines.length, (i) => onOpen(filterOf(lines[i].config)));
  const bottom = PARALLEL.height - PARALLEL.bottom;
  return (
    <figure className="analysis-chart">
      <svg viewBox={`0 0 ${PARALLEL.width} ${PARALLEL.height}`} role="group" aria-label={`Parallel coordinates of ${dimensions.join(', ')} and ${label(metric)}: ${lines.length} configurations; arrow keys move between them, Enter shows their responses`} data-testid="parallel">
        {lines.map((l, i) => (
          <path key={i} data-mark="" className="analysis-line" d={l.path} tabIndex={i === roving.active ? 0 : -1} role="button" aria-label={`${l.label}. Show these responses`}
            onFocus={() => roving.setActive(i)} onClick={() => onOpen(filterOf(l.config))} onKeyDown={(e) => roving.onKeyDown(e, i)}><title>{l.label}</title></path>))}
        {axes.map((a) => (
          <g key={a.name} aria-hidden="true">
            <line x1={a.x} x2={a.x} y1={PARALLEL.top} y2={bottom} stroke="var(--ink-soft)" />
            {a.ticks.map((t) => <text key={t.value} x={a.x - 4} y={t.at + 4} textAnchor="end" fontSize="11" fill="var(--ink-soft)">{t.value}</text>)}
            <text x={a.x} y={bottom + 18} textAnchor="middle" fontSize="12" fill="var(--ink)">{a.name === metric ? label(metric) : a.name}</text>
          </g>))}
      </svg>
      <figcaption className="muted">Each line is one configuration: its value on every varying parameter and its mean {label(metric)} (right).</figcaption>
    </figure>
  );
}
