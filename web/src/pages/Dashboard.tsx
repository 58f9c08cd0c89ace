import { Link } from 'react-router-dom';
import { Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from 'recharts';
import { QueryView } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { useBatches, useExperiments, useHealth, useTrend } from '../hooks/queries';
import { SummaryCards } from './dashboard/SummaryCards';
import './dashboard/dashboard.css';

export function Dashboard() {
  const experiments = useExperiments({ page: 1 });
  const batches = useBatches();
  const trend = useTrend('30d');
  const health = useHealth();
  return (
    <>
      <h1>Dashboard</h1>
      <SummaryCards />
      <div className="grid">
        <div className="card"><div className="muted">Experiments</div>
          <QueryView query={experiments}>{(d) => <div className="stat">{d.total}</div>}</QueryView></div>
        <div className="card"><div className="muted">Batch runs</div>
          <QueryView query={batches}>{(d) => <div className="stat">{d.total}</div>}</QueryView></div>
        <div className="card"><div className="muted">Quality trend, 30 days</div>
          <QueryView query={trend}>{(t) => t.points.length === 0 ? <div className="muted">No scored responses yet.</div> : (
            <>
              <div><strong>{t.direction.replace('_', ' ')}</strong> <span className="muted">({t.sample_size} responses{t.p_value !== null ? `, p = ${t.p_value.toFixed(3)}` : ''})</span></div>
              <div style={{ height: 60 }} role="img" aria-label="Quality trend sparkline">
                <ResponsiveContainer><LineChart data={t.points}><YAxis hide domain={['auto', 'auto']} /><Tooltip /><Line dataKey="mean" stroke="#0072b2" dot={false} isAnimationActive={false} /></LineChart></ResponsiveContainer>
              </div>
            </>)}</QueryView></div>
        <div className="card"><div className="muted">Health</div>
          <QueryView query={health}>{(h) => (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {h.services.map((s) => <li key={s.name}>{s.name}: <strong className={s.status === 'healthy' ? 'better' : 'worse'}>{s.status}</strong> <span className="muted">{s.latency_ms} ms</span></li>)}
            </ul>)}</QueryView></div>
      </div>
      <div className="grid">
        <div className="card"><h2>Recent experiments</h2>
          <QueryView query={experiments} empty={(d) => d.items.length === 0}>{(d) => (
            <ul>{d.items.slice(0, 5).map((e) => <li key={e.id}><Link to={`/experiments/${e.id}`}>{e.name}</Link> <StatusBadge status={e.status} /></li>)}</ul>)}</QueryView></div>
        <div className="card"><h2>Recent batches</h2>
          <QueryView query={batches} empty={(d) => d.items.length === 0}>{(d) => (
            <ul>{d.items.slice(0, 5).map((b) => <li key={b.id}><Link to={`/batches/${b.id}`}>{b.name}</Link> <StatusBadge status={b.status} /> <span className="muted">{b.completed_calls}/{b.total_calls}</span></li>)}</ul>)}</QueryView></div>
      </div>
    </>
  );
}
