import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { QueryView } from '../../components/States';
import { cardsOf, summaryPath, TIMEFRAMES, type AnalyticsSummary } from './summary';

/** Calls, accuracy, latency, tokens and cost over a timeframe the reader picks (whole UTC days, today included). */
export function SummaryCards() {
  const [timeframe, setTimeframe] = useState('30d');
  const summary = useQuery({ queryKey: ['summary', timeframe], queryFn: () => api<AnalyticsSummary>(summaryPath(timeframe)) });
  return (
    <section aria-labelledby="summary-title" className="dashboard-summary">
      <div className="row">
        <h2 id="summary-title">Activity</h2>
        <label>Timeframe
          <select value={timeframe} onChange={(e) => setTimeframe(e.target.value)}>{TIMEFRAMES.map(([v, text]) => <option key={v} value={v}>{text}</option>)}</select>
        </label>
      </div>
      <QueryView query={summary}>{(s) => (
        <div className="grid" data-testid="summary-cards">
          {cardsOf(s).map((c) => (
            <div key={c.title} className="card"><h3 className="muted dashboard-card-title">{c.title}</h3>
              <div className="stat">{c.value}</div><div className="muted">{c.detail}</div></div>))}
        </div>)}</QueryView>
    </section>
  );
}
