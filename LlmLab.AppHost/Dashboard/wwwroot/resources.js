// The resources table: every server and service process with its state, health from /health, restarts, URLs and pid.
import { get, el } from './api.js';

let timer = null;

async function refresh() {
  const body = document.querySelector('#resources tbody');
  try {
    const resources = await get('/api/resources');
    body.replaceChildren(...resources.map((r) => el('tr', { 'data-resource': r.name },
      el('td', {}, r.name),
      el('td', {}, r.service),
      el('td', {}, r.kind),
      el('td', { className: `state ${r.state}` }, r.state),
      el('td', { className: `health ${r.health.split(' ')[0]}` }, r.health),
      el('td', {}, String(r.restarts)),
      el('td', {}, r.url.startsWith('http') ? el('a', { href: r.url, rel: 'noreferrer' }, r.url) : r.url),
      el('td', {}, r.grpcUrl ?? ''),
      el('td', {}, r.pid === null ? '-' : String(r.pid)))));
  } catch (error) {
    body.replaceChildren(el('tr', {}, el('td', { colSpan: 9, role: 'alert' }, `Cannot read resources: ${error.message}`)));
  }
}

export const resourcesView = {
  start() { refresh(); timer = setInterval(refresh, 2000); },
  stop() { clearInterval(timer); },
};
