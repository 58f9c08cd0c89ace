// Switches between the four views and starts each one's refresh while it is shown.
import { get } from './api.js';
import { resourcesView } from './resources.js';
import { consoleView } from './console.js';
import { tracesView } from './traces.js';
import { metricsView } from './metrics.js';

const views = { resources: resourcesView, console: consoleView, traces: tracesView, metrics: metricsView };
let current = null;

function show(name) {
  current?.stop();
  for (const button of document.querySelectorAll('nav button')) {
    button.setAttribute('aria-pressed', String(button.dataset.view === name));
  }
  for (const section of document.querySelectorAll('main > section')) section.hidden = section.id !== name;
  current = views[name];
  current.start();
}

for (const button of document.querySelectorAll('nav button')) button.addEventListener('click', () => show(button.dataset.view));

const overview = await get('/api/overview');
document.getElementById('receiver').textContent = overview.receiver === 'apphost'
  ? `Traces: received by the AppHost (${overview.spans} of at most ${overview.max_spans} spans kept).`
  : `Traces: sent to the configured collector ${overview.external_collector}; this page shows none.`;
show('resources');
