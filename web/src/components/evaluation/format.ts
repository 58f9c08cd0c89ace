/** Shares (0..1) as percentages, milliseconds, money and p-values, the same on every evaluation page. */
export const percent = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`);
export const ms = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x)} ms`);
export const usd = (x: number) => `$${x.toFixed(x > 0 && x < 0.01 ? 5 : 4)}`;
export const pValue = (p: number) => (p < 0.0001 ? '< 0.0001' : p.toFixed(4));
export const signed = (x: number, digits = 1) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x * 100).toFixed(digits)} pp`;
