/** Mean score per temperature × top_p cell, shaded on a single-hue (colour-blind-safe) blue scale with the value printed. */
export interface HeatCell { x: number; y: number; value: number }

export function Heatmap({ cells, xLabel, yLabel }: { cells: HeatCell[]; xLabel: string; yLabel: string }) {
  const xs = [...new Set(cells.map((c) => c.x))].sort((a, b) => a - b);
  const ys = [...new Set(cells.map((c) => c.y))].sort((a, b) => b - a);
  const values = cells.map((c) => c.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const at = (x: number, y: number) => cells.find((c) => c.x === x && c.y === y);
  return (
    <div role="table" aria-label={`Heatmap of ${yLabel} by ${xLabel}`}>
      <div className="heatmap" style={{ gridTemplateColumns: `80px repeat(${xs.length}, minmax(44px, 1fr))` }}>
        <div className="muted">{yLabel} \ {xLabel}</div>
        {xs.map((x) => <div key={`h${x}`} role="columnheader"><strong>{x}</strong></div>)}
        {ys.flatMap((y) => [
          <div key={`r${y}`} role="rowheader"><strong>{y}</strong></div>,
          ...xs.map((x) => {
            const cell = at(x, y);
            const share = cell && max > min ? (cell.value - min) / (max - min) : 0.5;
            return (
              <div key={`${x}-${y}`} role="cell" title={cell ? cell.value.toFixed(2) : 'no data'}
                style={{ background: cell ? `rgba(0, 114, 178, ${0.12 + 0.88 * share})` : '#f0f0f0', color: share > 0.55 ? '#fff' : '#1f2933' }}>
                {cell ? cell.value.toFixed(1) : '—'}
              </div>
            );
          }),
        ])}
      </div>
    </div>
  );
}
