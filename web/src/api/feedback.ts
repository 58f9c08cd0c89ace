// People's feedback: agreement of automatic metrics with people's scores, and calibrated weight profiles.

export interface Agreement { metric: string; spearman: number | null; ci95: number[] | null; p_value: number | null; n: number }
export interface AgreementReport { responses_with_feedback: number; metrics: Agreement[] }
export interface WeightProfile {
  name: string; weights: Record<string, number>; before: Agreement; after_cross_validated: Agreement; after_in_sample: Agreement;
  n: number; folds: number; run_id: string | null; experiment_id: string | null; created_at: string;
}

export const fmt = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? '—' : v.toFixed(digits));

/** "0.412 [0.201, 0.588]" or "—" when people's scores or the metric do not vary. */
export const rhoWithCi = (a: Agreement) => (a.spearman === null ? '—' : `${fmt(a.spearman)}${a.ci95 ? ` [${fmt(a.ci95[0])}, ${fmt(a.ci95[1])}]` : ''}`);

/** The change calibration made in agreement, cross-validated (held-out responses): positive is better. */
export const agreementGain = (p: WeightProfile): number | null =>
  p.before.spearman === null || p.after_cross_validated.spearman === null ? null : p.after_cross_validated.spearman - p.before.spearman;

/** The weights /api/quality/analyze takes: the profile's, without the metrics it weighs at 0. */
export const appliedWeights = (p: WeightProfile): Record<string, number> => Object.fromEntries(Object.entries(p.weights).filter(([, w]) => w > 0));

const NAME = /^[A-Za-z0-9._-]{1,100}$/;
export function validateCalibration(name: string, folds: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!name.trim()) errors.name = 'name the weight profile, e.g. "support-answers".';
  else if (!NAME.test(name.trim())) errors.name = "1–100 characters: letters, digits, '.', '_' and '-'.";
  const f = Number(folds);
  if (!Number.isInteger(f) || f < 2 || f > 20) errors.folds = 'must be from 2 to 20.';
  return errors;
}
