/** Mean score per temperature × top_p cell on a single-hue (colour-blind-safe) blue scale with the value printed. */
export interface HeatCell { x: number; y: number; value: number; count?: number }

const BLUE = [0, 114, 178];
const DEEP = [0, 48, 77];

/**
 * The lower half of the scale is a light tint under dark text, the upper half runs from mid to deep blue under white
 * text: both stay at 4.5:1 or more (a mid tone between them passes neither colour of text).
 */
export function shade(share: number): { background: string; color: string } {
  if (share < 0.5) {
    const a = 0.08 + 0.84 * share;
    const mix = BLUE.map((c) => Math.round(255 - (255 - c) * a));
    return { background: `rgb(${mix.join(', ')})`, color: '#1f2933' };
  }
  const t = (share - 0.5) * 2;
  const mix = BLUE.map((c, i) => Math.round(c + (DEEP[i] - c) * t));
  return { background: `rgb(${mix.join(', ')})`, color: '#ffffff' };
}

/** With onCell, each cell with data is a button (keyboard too) that opens that cell's responses. */
export function Heatmap({ cells, xLabel, yLabel, best, onCell }: {
  cells: HeatCell[]; xLabel: string; yLabel: string; best?: { x: number; y: number } | null; onCell?: (x: number, y: number) => void;
}) {
  const xs = [...new Set(cells.map((c) => c.x))].sort((a, b) => a - b);
  const ys = [...new Set(cells.map((c) => c.y))].sort((a, b) => b - a);
  const values = cells.map((c) => c.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const at = (x: number, y: number) => cells.find((c) => c.x === x && c.y === y);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={`Heatmap of ${yLabel} by ${xLabel}`}>
      <table className="heatmap">
        <caption className="visually-hidden">Mean per {yLabel} (rows) and {xLabel} (columns); the best cell is outlined{onCell ? '; select a cell for its responses' : ''}</caption>
        <thead><tr><th scope="col" className="muted">{yLabel} \ {xLabel}</th>{xs.map((x) => <th key={x} scope="col">{x}</th>)}</tr></thead>
        <tbody>{ys.map((y) => (
          <tr key={y}><th scope="row">{y}</th>
            {xs.map((x) => {
              const cell = at(x, y);
              const isBest = !!cell && best?.x === x && best?.y === y;
              return (
                <td key={x} className={isBest ? 'best' : undefined} title={cell ? cell.value.toFixed(2) : 'no data'}
                  style={cell ? shade(max > min ? (cell.value - min) / (max - min) : 0.25) : { background: '#f0f0f0' }}>
                  {cell && onCell
                    ? <button type="button" className="analysis-heat-button" onClick={() => onCell(x, y)}
                      aria-label={`${xLabel} ${x}, ${yLabel} ${y}: mean ${cell.value.toFixed(1)}${cell.count ? ` over ${cell.count} responses` : ''}${isBest ? ' (best)' : ''}. Show these responses`}>
                      {cell.value.toFixed(1)}</button>
                    : <>{cell ? cell.value.toFixed(1) : '—'}{isBest && <span className="visually-hidden"> (best)</span>}</>}
                </td>
              );
            })}
          </tr>))}
        </tbody>
      </table>
    </div>
  );
}
