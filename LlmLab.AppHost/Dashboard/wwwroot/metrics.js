// Per-service charts of requests per second, failures and latency (p50, p95), refreshed every 5 seconds.
import { get, el, ms } from './api.js';
import { lineChart } from './chart.js';

const charts = document.getElementById('charts');
let timer = null;

async function refresh() {
  try {
    const series = await get('/api/metrics');
    const services = Object.entries(series).filter(([, points]) => points.length > 0);
    if (services.length === 0) {
      charts.replaceChildren(el('p', {}, 'No requests in the last 5 minutes.'));
      return;
    }
    charts.replaceChildren(...services.map(([service, points]) => {
      const xs = points.map((p) => Date.parse(p.second) / 1000);
      // Seconds without requests are not sent: the rate chart shows them as zero.
      const bySecond = new Map(points.map((p, i) => [xs[i], p]));
      const seconds = [];
      for (let s = xs[0]; s <= xs[xs.length - 1]; s += 1) seconds.push(s);
      const total = points.reduce((sum, p) => sum + p.requests, 0);
      const failed = points.reduce((sum, p) => sum + p.failures, 0);
      return el('section', { className: 'service-charts', 'aria-label': `Metrics of ${service}` },
        el('h3', {}, `${service}: ${total} requests, ${failed} failed`),
        lineChart(`${service} requests/s`, seconds, [
          { name: 'requests/s', className: 'rate', values: seconds.map((s) => bySecond.get(s)?.requests ?? 0) },
          { name: 'failures/s', className: 'failures', values: seconds.map((s) => bySecond.get(s)?.failures ?? 0) },
        ], (v) => v.toFixed(0)),
        lineChart(`${service} latency`, xs, [
          { name: 'p50', className: 'p50', values: points.map((p) => p.p50Ms) },
          { name: 'p95', className: 'p95', values: points.map((p) => p.p95Ms) },
        ], ms));
    }));
  } catch (error) {
    charts.replaceChildren(el('p', { role: 'alert' }, error.message));
  }
}

export const metricsView = {
  start() { refresh(); timer = setInterval(refresh, 5000); },
  stop() { clearInterval(timer); },
};
