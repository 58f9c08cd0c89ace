/**
 * Parameter values as numbers where they are numbers, so 40 comes before 120 (text order put "120" first).
 * (The "best configuration" and the heatmap cells are computed by the batch service: GridCells, web/DESIGN.md.)
 */
export function byValue<T extends { value: string }>(values: T[]): T[] {
  return [...values].sort((a, b) => {
    const x = Number(a.value);
    const y = Number(b.value);
    return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.value.localeCompare(b.value);
  });
}
