// One process's console output (the AppHost's ring buffer of it), filtered by a search text, following new lines.
import { get, el } from './api.js';

const select = document.getElementById('console-process');
const search = document.getElementById('console-search');
const output = document.getElementById('console-lines');
let timer = null;
let last = 0;
// Each restart (another process, another search) starts a new generation; answers of older requests are dropped.
let generation = 0;
let busy = false;

async function fillProcesses() {
  const resources = (await get('/api/resources')).filter((r) => r.hasConsole);
  const chosen = select.value;
  select.replaceChildren(...resources.map((r) => el('option', { value: r.name }, r.name)));
  if (chosen) select.value = chosen;
}

async function follow() {
  if (!select.value || busy) return;
  busy = true;
  const asked = generation;
  let lines;
  try {
    const query = new URLSearchParams({ after: String(last), search: search.value, limit: '2000' });
    lines = await get(`/api/logs/${encodeURIComponent(select.value)}?${query}`);
  } finally {
    busy = false;
  }
  if (asked !== generation) { follow(); return; }
  if (lines.length === 0) return;
  last = lines[lines.length - 1].number;
  const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
  output.append(...lines.map((line) => el('div', { className: 'line' }, line.text)));
  while (output.childElementCount > 5000) output.firstElementChild.remove();
  if (atBottom) output.scrollTop = output.scrollHeight;
}

function restart() {
  generation += 1;
  last = 0;
  output.replaceChildren();
  follow().catch((error) => output.replaceChildren(el('div', { role: 'alert' }, error.message)));
}

select.addEventListener('change', restart);
search.addEventListener('input', restart);

export const consoleView = {
  async start() {
    await fillProcesses();
    restart();
    timer = setInterval(() => follow().catch(() => {}), 1000);
  },
  stop() { clearInterval(timer); },
};
