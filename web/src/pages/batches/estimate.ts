// The builder's duration and cost estimate: asked of the server (GET /api/experiments/batch/estimate), which measures the
// tenant's recent runs of the provider and model; the page only formats the answer.

export interface EstimateBasis { kind: 'runs' | 'calls' | 'none'; runs: number; calls: number; seconds_per_call: number; cost_calls: number; cost_per_call: number; description: string }
export interface RunEstimate { provider: string; model: string; calls: number; estimated_duration: number; estimated_cost_usd: number; basis: EstimateBasis }

export function estimatePath(provider: string, model: string, calls: number): string {
  const params = new URLSearchParams({ calls: String(calls), provider: provider.trim() || 'local' });
  if (model.trim()) params.set('model', model.trim());
  return `/api/experiments/batch/estimate?${params}`;
}

/** "0.6 s", "48 s", "3 min 20 s", "2 h 5 min": a duration a person reads at a glance. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 10) return `${(Math.round(seconds * 10) / 10).toString()} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) {
    const s = whole % 60;
    return `${Math.floor(whole / 60)} min${s ? ` ${s} s` : ''}`;
  }
  const minutes = Math.round(whole / 60);
  const m = minutes % 60;
  return `${Math.floor(minutes / 60)} h${m ? ` ${m} min` : ''}`;
}

/** "$0.0123", "$12.40", "$0" — cents when it is dollars, four decimals when it is less. */
export function formatCost(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  if (usd === 0) return '$0';
  return usd >= 1 ? `$${usd.toFixed(2)}` : `$${usd.toFixed(4)}`;
}

/** The estimate in one sentence with its basis; "none" says it is an assumption. */
export function describeEstimate(e: RunEstimate): string {
  const lead = e.basis.kind === 'none' ? 'Assumed' : 'Estimated';
  return `${lead} ${formatDuration(e.estimated_duration)} and ${formatCost(e.estimated_cost_usd)} for ${e.calls} calls — ${e.basis.description}.`;
}
