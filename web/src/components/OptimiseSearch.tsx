import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../api/client';
import { ProblemView } from './States';

interface SearchParameters { temperature: number; top_p: number; max_tokens: number; frequency_penalty: number; presence_penalty: number; model: string; prompt?: string | null }
interface SearchSummary { id: string; strategy: string; state: string }
interface SearchStatus {
  id: string; strategy: string; budget_calls: number; grid_calls: number; calls_spent: number; state: string; stop_reason: string | null;
  best: { parameters: SearchParameters; score: number; n: number } | null;
  trajectory: { calls_spent: number; best_score: number | null }[];
}

const describe = (p: SearchParameters) =>
  `temperature ${p.temperature}, top_p ${p.top_p}, max_tokens ${p.max_tokens}, penalties ${p.frequency_penalty}/${p.presence_penalty}, model ${p.model || 'default'}`;

/** Auto-optimisation of a batch: start a search over its grid with a call budget and watch best-so-far against calls spent. */
export function OptimiseSearch({ batchId, gridCalls }: { batchId: string; gridCalls: number }) {
  const client = useQueryClient();
  const [strategy, setStrategy] = useState('successive_halving');
  const [budget, setBudget] = useState(() => String(Math.max(1, Math.floor(gridCalls * 0.3))));
  const [error, setError] = useState<unknown>(null);
  const searches = useQuery({ queryKey: ['searches', batchId], queryFn: () => api<SearchSummary[]>(`/api/experiments/batch/${batchId}/optimize`) });
  const latest = searches.data?.[0];
  const search = useQuery({
    queryKey: ['search', batchId, latest?.id],
    enabled: !!latest,
    queryFn: () => api<SearchStatus>(`/api/experiments/batch/${batchId}/optimize/${latest!.id}`),
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 1000 : false),
  });

  const start = async () => {
    setError(null);
    try {
      await api(`/api/experiments/batch/${batchId}/optimize`, { method: 'POST', json: { strategy, budget_calls: Number(budget) } });
      await client.invalidateQueries({ queryKey: ['searches', batchId] });
    } catch (e) { setError(e); }
  };

  const s = search.data;
  return (
    <div className="card" aria-label="Optimise">
      <h3>Optimise</h3>
      <div className="row">
        <label>Strategy
          <select value={strategy} onChange={(e) => setStrategy(e.target.value)}>
            <option value="successive_halving">successive halving</option>
            <option value="bayesian">Bayesian (Gaussian process)</option>
          </select>
        </label>
        <label>Budget (calls of {gridCalls})
          <input type="number" min={1} max={gridCalls} value={budget} onChange={(e) => setBudget(e.target.value)} />
        </label>
        <button type="button" onClick={start} disabled={s?.state === 'running'}>Start search</button>
      </div>
      <ProblemView error={error} />
      {s && (
        <>
          <p>{s.strategy.replace(/_/g, ' ')} · {s.state} · {s.calls_spent} of {s.budget_calls} calls{s.stop_reason ? ` · ${s.stop_reason}` : ''}</p>
          {s.best && <p>Best: <strong>{s.best.score.toFixed(1)}</strong> (n = {s.best.n}) at {describe(s.best.parameters)}</p>}
          {s.trajectory.length > 0 && (
            <ResponsiveContainer width="100%" height={220}>
              <LineChart data={s.trajectory} aria-label="Search trajectory">
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="calls_spent" type="number" label={{ value: 'calls spent', position: 'insideBottom', offset: -4 }} />
                <YAxis domain={['auto', 'auto']} />
                <Tooltip />
                <Line type="stepAfter" dataKey="best_score" name="best mean overall score" stroke="#0072b2" dot />
              </LineChart>
            </ResponsiveContainer>
          )}
        </>
      )}
    </div>
  );
}
