// A small SVG line chart: one or more series over the same seconds, with the latest values in the caption.
const svgNs = 'http://www.w3.org/2000/svg';
const width = 360;
const height = 120;

function svg(tag, attributes) {
  const element = document.createElementNS(svgNs, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

// series: [{ name, className, values: [number] }] over xs (seconds since the epoch).
export function lineChart(title, xs, series, format) {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values));
  const first = xs[0] ?? 0;
  const span = Math.max(1, (xs[xs.length - 1] ?? 1) - first);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  chart.append(svg('line', { x1: 0, y1: height - 1, x2: width, y2: height - 1, class: 'axis' }));
  for (const s of series) {
    const points = s.values.map((v, i) => `${((xs[i] - first) / span) * width},${height - 2 - (v / max) * (height - 12)}`);
    chart.append(svg('polyline', { points: points.join(' '), class: `series ${s.className}` }));
  }
  const caption = document.createElement('figcaption');
  const latest = series.map((s) => `${s.name} ${format(s.values[s.values.length - 1] ?? 0)}`).join(' · ');
  caption.textContent = `${title} — now: ${latest}; peak ${format(max)}`;
  figure.append(chart, caption);
  return figure;
}
