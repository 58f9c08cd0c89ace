import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { label, type Trend } from '../../api/types';
import { linePath, scale, type Frame } from '../../components/lossChart';
import { QueryView } from '../../components/States';
import { useExperiments } from '../../hooks/queries';
import { TIMEFRAMES } from '../dashboard/summary';
import { describeTrend, tickDate, trendPath, trendPoints } from './trend';
import './quality.css';

const FRAME: Frame = { width: 640, height: 240, left: 44, right: 16, top: 12, bottom: 36 };

/** One metric's daily mean over a timeframe, for the whole tenant or one experiment's runs: a line, its direction, a table. */
export function TrendCard({ metric }: { metric: string }) {
  const [timeframe, setTimeframe] = useState('30d');
  const [experimentId, setExperimentId] = useState('');
  const experiments = useExperiments({ page: 1 });
  const trend = useQuery({ queryKey: ['trend', metric, timeframe, experimentId], queryFn: () => api<Trend>(trendPath(metric, timeframe, experimentId)) });
  return (
    <section className="card" aria-labelledby="trend-title">
      <h2 id="trend-title">{label(metric)} over time</h2>
      <div className="row">
        <label>Timeframe<select value={timeframe} onChange={(e) => setTimeframe(e.target.value)}>{TIMEFRAMES.filter(([v]) => v !== '1d').map(([v, text]) => <option key={v} value={v}>{text}</option>)}</select></label>
        <label>Runs of<select value={experimentId} onChange={(e) => setExperimentId(e.target.value)}>
          <option value="">every experiment and batch</option>
          {experiments.data?.items.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
        </select></label>
      </div>
      <QueryView query={trend} empty={(t) => t.points.length === 0}>{(t) => {
        const points = trendPoints(t);
        const s = scale([points], FRAME, points[points.length - 1]?.step || 1);
        const bottom = FRAME.height - FRAME.bottom;
        const days = `${t.points.length} ${t.points.length === 1 ? 'day' : 'days'}`;
        return (
          <>
            <p data-testid="trend-direction"><strong>{describeTrend(t)}</strong></p>
            <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} className="quality-trend" role="img"
              aria-label={`Daily mean ${label(metric)}, ${days}: ${describeTrend(t)}; the figures are in the table below`}>
              {s.yTicks.map((v) => <g key={`y${v}`}><line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={s.y(v)} y2={s.y(v)} stroke="var(--line)" /><text x={FRAME.left - 6} y={s.y(v) + 4} textAnchor="end" fontSize="12" fill="var(--ink-soft)">{v}</text></g>)}
              {s.xTicks.filter(Number.isInteger).map((v) => <text key={`x${v}`} x={s.x(v)} y={bottom + 16} textAnchor="middle" fontSize="12" fill="var(--ink-soft)">{tickDate(t, v)}</text>)}
              <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={bottom} y2={bottom} stroke="var(--ink-soft)" />
              <path d={linePath(points, s)} fill="none" stroke="#0072b2" strokeWidth="2" />
              {points.map((p) => <circle key={p.step} cx={s.x(p.step)} cy={s.y(p.loss)} r="3.5" fill="#0072b2" />)}
            </svg>
            <details>
              <summary>Daily figures ({days})</summary>
              <div className="table-wrap" tabIndex={0} role="region" aria-label={`Daily mean ${label(metric)}`}>
                <table><thead><tr><th scope="col">Day</th><th scope="col">Responses</th><th scope="col">Mean</th></tr></thead>
                  <tbody>{t.points.map((p) => <tr key={p.date}><td>{p.date}</td><td>{p.count}</td><td>{p.mean.toFixed(1)}</td></tr>)}</tbody></table>
              </div>
            </details>
          </>);
      }}</QueryView>
    </section>
  );
}
