// Traces: the list (by trace id prefix, service, span name; newest or slowest first) and one trace as a span tree.
import { get, el, ms, time } from './api.js';

const form = document.getElementById('trace-filter');
const list = document.querySelector('#trace-list tbody');
const detail = document.getElementById('trace-detail');

async function fillServices() {
  const services = (await get('/api/overview')).services;
  const select = form.elements.service;
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, 'any'), ...services.map((s) => el('option', { value: s }, s)));
  select.value = chosen;
}

// Searches can overlap (the view's first listing, then the operator's own search): only the latest one may draw the
// list, or a slower earlier answer would replace the newer one under the operator's cursor.
let latestSearch = 0;

async function find() {
  const query = new URLSearchParams(new FormData(form));
  const search = ++latestSearch;
  try {
    const traces = await get(`/api/traces?${query}`);
    if (search !== latestSearch) return;
    list.replaceChildren(...traces.map((t) => el('tr', {},
      el('td', {}, el('a', { href: `#trace/${t.traceId}`, className: 'trace-id' }, t.traceId)),
      el('td', {}, `${t.rootService}: ${t.rootName}`),
      el('td', {}, t.services.join(', ')),
      el('td', {}, String(t.spanCount)),
      el('td', { className: t.errorCount ? 'error' : '' }, String(t.errorCount)),
      el('td', {}, ms(t.durationMs)),
      el('td', {}, time(t.start)))));
    if (traces.length === 0) list.replaceChildren(el('tr', {}, el('td', { colSpan: 7 }, 'No trace matches.')));
  } catch (error) {
    if (search !== latestSearch) return;
    list.replaceChildren(el('tr', {}, el('td', { colSpan: 7, role: 'alert' }, error.message)));
  }
}

async function open(traceId) {
  try {
    const trace = await get(`/api/traces/${encodeURIComponent(traceId)}`);
    const total = Math.max(trace.summary.durationMs, 0.001);
    const rows = trace.nodes.map((node) => {
      const bar = el('span', { className: `bar ${node.span.isError ? 'error' : ''}` });
      bar.style.marginLeft = `${(node.offsetMs / total) * 100}%`;
      bar.style.width = `${Math.max((node.span.durationMs / total) * 100, 0.3)}%`;
      const label = el('span', { className: 'label' },
        el('strong', { className: 'service' }, node.span.service), ' ', node.span.name);
      label.style.paddingLeft = `${node.depth * 1.2}rem`;
      return el('li', {
        role: 'treeitem', 'aria-level': String(node.depth + 1), 'aria-expanded': String(node.childCount > 0),
        'data-service': node.span.service, title: Object.entries(node.span.attributes).map(([k, v]) => `${k}=${v}`).join('\n'),
      }, label, el('span', { className: 'track' }, bar), el('span', { className: 'duration' }, ms(node.span.durationMs)));
    });
    const logs = trace.logs.map((l) => el('li', {}, `${time(l.timestamp)} ${l.service} ${l.severity}: ${l.body}`));
    detail.replaceChildren(...[
      el('h3', {}, `Trace ${trace.summary.traceId}`),
      el('p', {}, `${trace.summary.spanCount} spans across ${trace.summary.services.join(', ')} in ${ms(trace.summary.durationMs)}`),
      el('ul', { role: 'tree', 'aria-label': 'Span tree', className: 'span-tree' }, ...rows),
      logs.length ? el('h4', {}, 'Logs in this trace') : null,
      logs.length ? el('ul', { className: 'trace-logs' }, ...logs) : null,
    ].filter((child) => child !== null));
    detail.scrollIntoView({ block: 'start' });
  } catch (error) {
    detail.replaceChildren(el('p', { role: 'alert' }, error.message));
  }
}

form.addEventListener('submit', (event) => { event.preventDefault(); find(); });
window.addEventListener('hashchange', () => {
  const match = location.hash.match(/^#trace\/([0-9a-f]+)$/);
  if (match) open(match[1]);
});

export const tracesView = {
  async start() {
    await fillServices();
    await find();
    const match = location.hash.match(/^#trace\/([0-9a-f]+)$/);
    if (match) open(match[1]);
  },
  stop() {},
};
