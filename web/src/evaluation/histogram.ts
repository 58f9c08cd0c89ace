/** A histogram bin [from, to) and how many values fall in it. */
export interface Bin { from: number; to: number; count: number }

/** The smallest 1, 2 or 5 × 10^k at least `raw` (bin widths people read easily: 20 ms, 50 ms, 100 ms). */
export function niceWidth(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= raw - 1e-9 * power) return step * power;
  }
  return 10 * power;
}

/**
 * Equal-width bins with a nice width: about √n bins (at most `maxBins`), starting at a multiple of the width, so every
 * value falls in exactly one half-open bin and the counts add up to n.
 */
export function bins(values: number[], maxBins = 12): Bin[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const wanted = Math.max(1, Math.min(maxBins, Math.ceil(Math.sqrt(finite.length))));
  let width = niceWidth((max - min) / wanted);
  let start = Math.floor(min / width) * width;
  // The nice rounding can need one more bin than asked; widen once if that passes maxBins.
  if (Math.floor((max - start) / width) + 1 > maxBins) {
    width = niceWidth(width * 1.01);
    start = Math.floor(min / width) * width;
  }
  const count = Math.floor((max - start) / width) + 1;
  const result: Bin[] = Array.from({ length: count }, (_, i) => ({ from: round(start + i * width), to: round(start + (i + 1) * width), count: 0 }));
  for (const v of finite) result[Math.min(count - 1, Math.floor((v - start) / width))].count++;
  return result;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** One chart row per bin with a count per group (e.g. per method), on bins shared by every group. */
export function groupedBins<T>(rows: T[], value: (row: T) => number, group: (row: T) => string, groups: string[], maxBins = 12) {
  const shared = bins(rows.map(value), maxBins);
  return shared.map((bin) => {
    const counts: Record<string, number> = Object.fromEntries(groups.map((g) => [g, 0]));
    for (const row of rows) {
      const v = value(row);
      if (v >= bin.from && v < bin.to && group(row) in counts) counts[group(row)]++;
    }
    return { from: bin.from, to: bin.to, bin: `${bin.from}–${bin.to}`, counts };
  });
}
