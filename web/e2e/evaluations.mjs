// End-to-end test of the dataset and evaluation pages in real headless Chromium (Debian's package, driven by
// playwright-core), against a running platform. Usage: node e2e/evaluations.mjs <gateway-url> <api-key> <output-folder>
// It uploads a dataset (first a file with a bad row: the server's 422 names line and field), picks its versions and pages
// a shipped dataset's items; creates an evaluation (naive + rag + agent on a shipped dataset, a small sample) through
// the form (first with field errors, nothing sent), waits for it to finish, sets its quality gate and reads the result,
// opens a grid cell's drawer by keyboard, the
// agent trace and retrieved chunks, the method comparison with a word diff; pauses, resumes and cancels a larger one.
// Every page gets axe-core (0 serious or critical violations) and the 390 px check (no sideways scroll); one line per
// passed check is printed as "eval-e2e: …".
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [gateway, apiKey, output] = process.argv.slice(2);
if (!gateway || !apiKey || !output) {
  console.error('usage: node e2e/evaluations.mjs <gateway-url> <api-key> <output-folder>');
  process.exit(2);
}
mkdirSync(output, { recursive: true });
const steps = [];
const step = (text) => { steps.push(text); console.log(`eval-e2e: ${text}`); };
const check = (condition, message) => { if (!condition) throw new Error(message); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  // Without these, Chromium reaches for Google's services at start, which this machine's closed network refuses.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  // bypassCSP: only so axe-core can be injected; the app itself runs under the gateway's CSP.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.addInitScript((key) => localStorage.setItem('llmlab.apiKey', key), apiKey);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const requests = [];
  page.on('request', (r) => requests.push({ method: r.method(), path: new URL(r.url()).pathname }));
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const settled = () => page.waitForFunction(() => !document.body.innerText.includes('Loading…'), null, { timeout: 60000 });
  const violations = [];
  async function audit(name) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    const found = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    if (found.length > 0) violations.push(`${name}: ${found.join('; ')}`);
    console.log(`eval-e2e: axe ${name}: ${found.length} serious or critical violations${found.length ? ` — ${found.join('; ')}` : ''}`);
  }
  const shot = async (name) => { await page.screenshot({ path: join(output, `${name}.png`), fullPage: true }); console.log(`eval-e2e: screenshot ${name}.png`); await audit(name); };
  const apiCall = async (method, path, body) => {
    const response = await fetch(`${gateway}${path}`, { method, headers: { 'X-Api-Key': apiKey, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    const text = await response.text();
    check(response.ok, `${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };
  const stamp = Date.now() % 1000000;

  // Datasets: the shipped ones are listed and marked built-in.
  await page.goto(`${gateway}/`);
  await nav('Datasets').click();
  await page.getByRole('heading', { name: 'Datasets', level: 1 }).waitFor();
  const table = page.getByRole('region', { name: 'Datasets' });
  for (const name of ['general-knowledge', 'arithmetic', 'two-hop']) {
    await table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) }).getByText('built-in').waitFor();
  }
  step('datasets: the shipped datasets are listed and marked built-in');

  // Upload: a JSONL file whose second row has no answers is refused; the 422 is shown naming its line and field.
  const upload = page.getByRole('form', { name: 'Upload dataset' });
  const uploads = () => requests.filter((r) => r.method === 'POST' && r.path === '/api/datasets').length;
  await upload.getByRole('button', { name: 'Upload dataset' }).click();
  await upload.getByText('is required: a JSON, JSONL or CSV file').waitFor();
  check(uploads() === 0, 'an upload without a file was sent');
  const bad = ['{"id": "c1", "question": "What is the capital of France?", "answers": ["Paris"]}', '{"id": "c2", "question": "What colour is the sky?", "answers": []}'].join('\n');
  await upload.getByLabel('File (JSON, JSONL or CSV)').setInputFiles({ name: 'e2e-bad.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(bad) });
  await upload.getByLabel('Dataset name').fill(`e2e capitals ${stamp}`);
  await upload.getByRole('button', { name: 'Upload dataset' }).click();
  const rowErrors = page.getByTestId('upload-row-errors');
  await rowErrors.waitFor();
  const refused = await rowErrors.textContent();
  check(refused.includes('items[1].answers') && refused.includes('line 2'), `the refusal does not name line and field: ${refused}`);
  check((await upload.getByLabel('File (JSON, JSONL or CSV)').getAttribute('aria-invalid')) === 'true', 'the file field is not marked invalid');
  await shot('dataset-upload-error');
  step(`upload: the server's 422 is shown naming line and field (${refused.trim().slice(0, 90)})`);

  const good = [
    { id: 'c1', question: 'What is the capital of France?', answers: ['Paris'] },
    { id: 'c2', question: 'What is the capital of the United Kingdom?', answers: ['London', 'City of London'], context: 'London is the capital and largest city of England and the United Kingdom.' },
    { id: 'c3', question: 'What is the capital of Japan?', answers: ['Tokyo', 'Tōkyō'] },
  ].map((x) => JSON.stringify(x)).join('\n');
  await upload.getByLabel('File (JSON, JSONL or CSV)').setInputFiles({ name: 'e2e-capitals.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(good) });
  await upload.getByRole('button', { name: 'Upload dataset' }).click();
  await page.waitForURL(/\/datasets\/[0-9a-f-]+$/);
  const datasetId = page.url().split('/').pop();
  await page.getByRole('heading', { name: `e2e capitals ${stamp}` }).waitFor();
  await page.getByTestId('version-summary').getByText('3 items').waitFor();
  await page.getByRole('cell', { name: 'What is the capital of the United Kingdom?' }).waitFor();
  await page.getByText('aliases: City of London').waitFor();
  step('upload: a valid JSONL file became version 1 with 3 items, answers and aliases previewed');

  // A second version (4 items) through the API; the page picks either version.
  await apiCall('POST', `/api/datasets/${datasetId}/versions`, { items: [...good.split('\n').map((l) => JSON.parse(l)), { id: 'c4', question: 'What is the capital of Italy?', answers: ['Rome', 'Roma'] }] });
  await page.reload();
  await page.getByTestId('version-summary').getByText('4 items').waitFor();
  await page.getByRole('cell', { name: 'What is the capital of Italy?' }).waitFor();
  await page.getByLabel('Show version').selectOption('1');
  await page.getByTestId('version-summary').getByText('3 items').waitFor();
  await page.getByRole('cell', { name: 'What is the capital of Italy?' }).waitFor({ state: 'detached' });
  await shot('dataset-detail');
  step('dataset page: version 2 has 4 items, picking version 1 shows its 3');

  // A shipped dataset's items a page at a time.
  await nav('Datasets').click();
  await page.getByRole('link', { name: 'general-knowledge', exact: true }).click();
  await page.getByText(/Page 1 of \d+/).waitFor();
  const firstPage = await page.getByRole('region', { name: 'Dataset items' }).locator('tbody tr').count();
  await page.getByRole('button', { name: 'Next page' }).click();
  await page.getByText(/Page 2 of \d+/).waitFor();
  check(firstPage === 20, `the first page shows ${firstPage} items, expected 20`);
  await shot('dataset-builtin');
  step('dataset page: a shipped dataset pages its items 20 at a time');

  // The shipped element articles into this tenant's knowledge base (collection e2e-elements), as docs/evaluation.md says,
  // so RAG and the agent's retrieve have something to find. A re-upload replaces a document of the same title.
  const articles = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'services', 'LlmLab.Evaluation', 'Builtin', 'articles');
  const files = readdirSync(articles).filter((f) => f.endsWith('.txt'));
  for (let i = 0; i < files.length; i += 4) {
    await Promise.all(files.slice(i, i + 4).map(async (file) => {
      const body = new FormData();
      body.set('file', new Blob([readFileSync(join(articles, file))], { type: 'text/plain' }), file);
      body.set('collection', 'e2e-elements');
      const response = await fetch(`${gateway}/api/documents`, { method: 'POST', headers: { 'X-Api-Key': apiKey }, body });
      check(response.ok, `uploading ${file} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    }));
  }
  step(`knowledge base: ${files.length} shipped element articles uploaded`);

  // The evaluation form checks the API's rules before sending.
  await nav('Evaluations').click();
  await page.getByRole('heading', { name: 'Evaluations', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'New evaluation' }).click();
  const form = page.getByRole('form', { name: 'New evaluation' });
  const posts = () => requests.filter((r) => r.method === 'POST' && r.path === '/api/evaluations').length;
  await form.getByLabel('Naive').uncheck();
  await form.getByLabel('Temperature').fill('3');
  await form.getByRole('button', { name: 'Start evaluation' }).click();
  await form.getByText('must name at least one method.').waitFor();
  await form.getByText('must be between 0 and 2.').waitFor();
  check((await form.getByLabel('Evaluation name').getAttribute('aria-invalid')) === 'true', 'the empty name is not marked invalid');
  check((await form.getByLabel('Dataset to evaluate').getAttribute('aria-invalid')) === 'true', 'the missing dataset is not marked invalid');
  check(posts() === 0, 'the invalid evaluation was sent');
  await shot('evaluation-form-errors');
  step('evaluation form: field errors in the API wording before sending, nothing sent');

  // naive + rag + agent on general knowledge, 6 items, created and started from the keyboard.
  await form.getByLabel('Evaluation name').fill(`e2e eval ${stamp}`);
  const gk = (await form.getByLabel('Dataset to evaluate').locator('option').allTextContents()).find((t) => t.startsWith('general-knowledge'));
  await form.getByLabel('Dataset to evaluate').selectOption({ label: gk });
  await form.getByLabel('Sample size (blank: every item)').fill('6');
  await form.getByLabel('Temperature').fill('0');
  for (const m of ['Naive', 'RAG (BM25)', 'ReAct agent']) await form.getByLabel(m).check();
  await form.getByLabel('Knowledge collection').fill('e2e-elements');
  await form.getByText('3 methods × 6 items = 18 model runs').waitFor();
  await form.getByLabel('Evaluation name').press('Enter');
  await page.waitForURL(/\/evaluations\/[0-9a-f-]+$/);
  const evaluationUrl = page.url();
  check(posts() === 1, `the form sent ${posts()} evaluations`);
  await page.getByRole('progressbar', { name: 'Evaluation progress' }).waitFor();
  await page.waitForFunction(() => document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') === '100', null, { timeout: 240000 });
  await page.locator('h1 .badge').filter({ hasText: /^completed/ }).waitFor({ timeout: 30000 });
  await settled();
  step(`evaluation created in the form ran to 100%: ${(await page.getByTestId('run-counters').textContent()).trim()}`);

  // Metric cards per method, retrieval figures for rag and agent figures for the agent.
  for (const m of ['naive', 'rag', 'agent']) await page.getByRole('heading', { name: new RegExp(`^${m} `), level: 3 }).waitFor();
  const ragCard = page.locator('section.metric-card').filter({ has: page.getByRole('heading', { name: /^rag / }) });
  const agentCard = page.locator('section.metric-card').filter({ has: page.getByRole('heading', { name: /^agent / }) });
  await ragCard.getByText('Retrieval hit rate').waitFor();
  await agentCard.getByText('Agent success').waitFor();
  await agentCard.getByText('Stuck').waitFor();
  check((await page.locator('section.metric-card').first().textContent()).includes('Latency p50 / p95'), 'a metric card lacks latency');
  await page.getByRole('img', { name: /Histogram of latency/ }).waitFor();
  step('evaluation page: metric cards per method (EM/F1, latency, tokens, cost; retrieval for rag; agent success, steps, stuck) and a latency histogram');
  const fastest = await page.getByRole('region', { name: 'Top 5 fastest' }).locator('tbody tr').count();
  const slowest = await page.getByRole('region', { name: 'Top 5 slowest' }).locator('tbody tr').count();
  check(fastest === 5 && slowest === 5, `fastest/slowest lists have ${fastest}/${slowest} rows`);
  step('evaluation page: top 5 fastest and slowest items');
  const cells = await page.getByRole('region', { name: 'Correctness grid' }).getByRole('button').count();
  check(cells === 18, `the correctness grid has ${cells} cells, expected 18`);

  // The evaluation's quality gate: none yet; a share over 1 is refused before sending; a gate set on the finished
  // evaluation is evaluated at once (PUT /api/evaluations/{id}/gates), per method, each check with its value and reason.
  const gateEditor = page.locator('section.gates-editor');
  const gateResult = page.locator('section.gates-result');
  await gateResult.getByTestId('gate-none').waitFor({ timeout: 30000 });
  const gatePuts = () => requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/gates')).length;
  const firstCheck = gateEditor.getByRole('group', { name: 'Check 1' });
  await firstCheck.getByLabel('Metric').fill('exact_match');
  await firstCheck.getByLabel('Value').fill('2');
  await gateEditor.getByRole('button', { name: 'Save gate' }).click();
  await gateEditor.getByText('exact_match is a share between 0 and 1.').waitFor();
  check((await firstCheck.getByLabel('Value').getAttribute('aria-invalid')) === 'true', 'the share over 1 is not marked invalid');
  check(gatePuts() === 0, 'the invalid gate was sent');
  await firstCheck.getByLabel('Value').fill('0');
  await gateEditor.getByRole('button', { name: 'Add a check' }).click();
  const secondCheck = gateEditor.getByRole('group', { name: 'Check 2' });
  await secondCheck.getByLabel('Value').fill('0');
  await secondCheck.getByLabel('Method').selectOption('agent');
  await gateEditor.getByRole('button', { name: 'Save gate' }).click();
  await gateEditor.getByRole('status').filter({ hasText: 'Gate saved' }).waitFor();
  check(gatePuts() === 1, `the editor sent ${gatePuts()} gates`);
  await gateResult.getByTestId('gate-outcome').filter({ hasText: 'failed' }).waitFor({ timeout: 60000 });
  // The failed gate's alert reaches the app live, as a run's does (a toast lasts 10 s: read at once).
  const evaluationId = new URL(evaluationUrl).pathname.split('/').pop();
  await page.getByRole('status', { name: 'Live events' }).getByText(`Alert (gate): Evaluation ${evaluationId} failed its quality gate`, { exact: false })
    .first().waitFor({ timeout: 15000 });
  const gateRows = gateResult.getByRole('region', { name: 'Gate checks' }).locator('tbody tr');
  check((await gateRows.count()) === 4, `the gate result has ${await gateRows.count()} checks, expected 4 (exact_match × 3 methods, latency of agent)`);
  const slowRow = (await gateRows.filter({ hasText: 'agent: latency_p95_ms' }).textContent()) ?? '';
  check(slowRow.includes('✗ failed') && slowRow.includes('above the maximum 0'), `the latency check of agent: ${slowRow}`);
  check(((await gateRows.filter({ hasText: 'naive: exact_match' }).textContent()) ?? '').includes('✓ passed'), 'the exact_match check of naive did not pass');
  const served = await apiCall('GET', `/api/evaluations/${evaluationId}/gate`);
  check(served.passed === false && served.checks.length === 4, `the API's gate result: ${JSON.stringify(served).slice(0, 300)}`);
  step('evaluation page: gate editor (a share over 1 refused before sending), set on the finished evaluation, evaluated at once per method: failed, 3 of 4 checks passed, with reasons; its alert shown live');
  await shot('evaluation-detail');

  // A grid cell by keyboard: Enter opens the drawer, Tab stays inside, Escape returns focus to the cell.
  const agentCell = page.getByRole('region', { name: 'Correctness grid' }).getByRole('button', { name: /, agent: / }).first();
  await agentCell.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: /· agent$/ });
  await drawer.waitFor();
  await page.waitForTimeout(300);
  check(await drawer.isVisible(), 'the drawer closed on the Enter that opened it');
  for (const text of ['Question', 'Expected', 'Extracted answer', 'Answer', 'Scores']) await drawer.getByText(text, { exact: true }).first().waitFor();
  await drawer.getByRole('heading', { name: /Agent trace \(\d+ steps?\)/ }).waitFor();
  await drawer.getByRole('heading', { name: /^Step 1/ }).waitFor();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    check(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]')), `Tab ${i + 1} left the drawer`);
  }
  const traceText = await drawer.textContent();
  const withAction = /Action/.test(traceText);
  await shot('evaluation-item-drawer');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
  check(await agentCell.evaluate((el) => el === document.activeElement), 'focus did not return to the grid cell');
  step(`grid: a cell opens the drawer by keyboard with question, expected, answer, extracted answer, scores and the agent trace${withAction ? ' (Thought/Action/Observation)' : ''}; Escape returns to the cell`);

  // Every agent item's trace: stuck and tool errors are marked in words where they happen.
  const agentItems = await apiCall('GET', `/api/evaluations/${evaluationUrl.split('/').pop()}/items?method=agent&page_size=50`);
  const toolError = agentItems.items.find((i) => i.trace.some((s) => s.tool_error));
  const stuck = agentItems.items.find((i) => i.status === 'stuck');
  for (const [kind, item] of [['tool error', toolError], ['stuck', stuck]]) {
    if (!item) { step(`agent trace: no ${kind} in this sample`); continue; }
    const escaped = item.item_id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await page.getByRole('region', { name: 'Correctness grid' }).getByRole('button', { name: new RegExp(`^${escaped}, agent: `) }).click();
    const d = page.getByRole('dialog', { name: /· agent$/ });
    await d.waitFor();
    if (kind === 'stuck') await d.getByTestId('trace-stuck').waitFor();
    else await d.getByText('Observation (tool error)').first().waitFor();
    await shot(`evaluation-trace-${kind.replace(' ', '-')}`);
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached' });
    step(`agent trace: ${kind} shown distinctly`);
  }

  // A rag cell shows the retrieved chunks.
  await page.getByRole('region', { name: 'Correctness grid' }).getByRole('button', { name: /, rag: / }).first().click();
  const ragDrawer = page.getByRole('dialog', { name: /· rag$/ });
  await ragDrawer.getByRole('heading', { name: /Retrieved chunks \(\d+\)/ }).waitFor();
  await shot('evaluation-rag-drawer');
  await page.keyboard.press('Escape');
  await ragDrawer.waitFor({ state: 'detached' });
  step('grid: a rag cell shows the retrieved chunks');

  // Method comparison: the server's pairwise table and two methods' answers side by side with a word diff.
  await page.getByRole('link', { name: 'Compare the methods item by item' }).click();
  await page.getByRole('heading', { name: /^Method comparison/ }).waitFor();
  const pairs = page.getByRole('region', { name: 'Pairwise comparison' });
  await pairs.locator('tbody tr').first().waitFor();
  const pairRows = await pairs.locator('tbody tr').count();
  const header = await pairs.locator('thead').textContent();
  check(pairRows === 3 && header.includes('McNemar p') && header.includes('Holm p') && header.includes('95% CI'), `pairs table: ${pairRows} rows, header ${header}`);
  // Within the page: a live toast (an alert naming "method agent") must not match the pickers' labels.
  await page.locator('main').getByLabel('Method A').selectOption('naive');
  await page.locator('main').getByLabel('Method B').selectOption('rag');
  await page.getByTestId('answer-pair').first().waitFor();
  const shared = await page.getByTestId('answer-pair').count();
  const marks = await page.locator('[data-testid=answer-pair] del, [data-testid=answer-pair] ins').count();
  check(shared === 6 && marks > 0, `side by side: ${shared} pairs, ${marks} diff marks`);
  await shot('evaluation-compare');
  step(`comparison: 3 pairs with 2×2 counts, CI, McNemar and Holm p; naive vs rag side by side on ${shared} items with ${marks} word-diff marks`);
  await page.getByRole('button', { name: /^Details of rag on / }).first().click();
  await page.getByRole('dialog', { name: /· rag$/ }).waitFor();
  await page.keyboard.press('Escape');

  // Pause, resume and cancel a larger evaluation, as a batch does.
  const gkId = (await apiCall('GET', '/api/datasets?page_size=200')).items.find((d) => d.name === 'general-knowledge').id;
  const big = await apiCall('POST', '/api/evaluations', { name: `e2e long ${stamp}`, dataset_id: gkId, methods: [{ method: 'naive' }, { method: 'cot' }, { method: 'cot_few_shot' }], provider: 'local', model: '' });
  await page.goto(`${gateway}/evaluations/${big.id}`);
  const counters = () => page.getByTestId('run-counters').textContent();
  await page.getByRole('button', { name: 'Pause' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('h1 .badge').filter({ hasText: /paused|completed/ }).waitFor({ timeout: 30000 });
  check((await page.locator('h1 .badge').textContent()).trim() === 'paused', 'the evaluation finished before it could be paused');
  await page.waitForTimeout(4000);
  const paused = await counters();
  check(!/items\/s/.test(paused), `a paused evaluation still shows a rate: ${paused}`);
  await page.waitForTimeout(2000);
  check((await counters()) === paused, `counters moved while paused: ${paused} → ${await counters()}`);
  await shot('evaluation-paused');
  step(`pause: counters stand still without a rate (${paused.trim()})`);
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.locator('h1 .badge').filter({ hasText: /running|completed/ }).waitFor({ timeout: 30000 });
  step('resume: running again');
  await page.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alertdialog', { name: 'Cancel this evaluation?' }).waitFor();
  check(await page.evaluate(() => document.activeElement?.textContent === 'Keep running'), 'the confirmation did not focus the safe choice');
  await page.getByRole('button', { name: 'Yes, cancel the evaluation' }).click();
  await page.locator('h1 .badge').filter({ hasText: /cancelled|completed/ }).waitFor({ timeout: 30000 });
  await page.waitForTimeout(4000);
  const stopped = await counters();
  await page.reload();
  await page.getByTestId('run-counters').waitFor();
  await page.waitForTimeout(1000);
  check((await counters()) === stopped, `after reload the counters differ: ${stopped} → ${await counters()}`);
  await shot('evaluation-cancelled');
  step(`cancel: confirmed, counters settled from the server (${stopped.trim()})`);

  // A missing evaluation says so.
  await page.goto(`${gateway}/evaluations/3f2b8c1e-1111-4222-8333-944455556666`);
  await page.getByRole('heading', { name: 'Evaluation not found' }).waitFor();
  step('missing evaluation: says so');

  // Every new page at 390 px: no sideways scroll, a screenshot, axe.
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = [];
  for (const [name, path] of [['datasets', '/datasets'], ['dataset-detail', `/datasets/${datasetId}`], ['evaluations', '/evaluations?dataset=' + gkId],
    ['evaluation-detail', new URL(evaluationUrl).pathname], ['evaluation-compare', `${new URL(evaluationUrl).pathname}/compare`]]) {
    await page.goto(`${gateway}${path}`);
    await page.locator('main h1').first().waitFor();
    await settled();
    await page.waitForTimeout(300);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${name} ${width}px`);
    await shot(`${name}-390px`);
  }
  check(wide.length === 0, `pages wider than 390 px: ${wide.join(', ')}`);
  step('390 px: no evaluation page scrolls sideways');

  // Deleting a dataset: refused with the server's reason while an evaluation uses it; otherwise asked first (the safe
  // choice focused), then gone from the list and from the API.
  const used = await apiCall('POST', '/api/datasets', { name: `e2e in use ${stamp}`, items: [{ id: 'u1', question: 'What is the capital of Spain?', answers: ['Madrid'] }] });
  await apiCall('POST', '/api/evaluations', { name: `e2e uses ${stamp}`, dataset_id: used.id, methods: [{ method: 'naive' }], provider: 'local', model: '' });
  await page.goto(`${gateway}/datasets/${used.id}`);
  await page.getByRole('button', { name: 'Delete dataset' }).click();
  await page.getByRole('button', { name: `Yes, delete e2e in use ${stamp}` }).click();
  await page.getByRole('alert').filter({ hasText: /evaluation/i }).waitFor();
  await shot('dataset-delete-refused');
  step('dataset delete: refused with the server\'s reason while an evaluation uses it');
  await page.goto(`${gateway}/datasets/${datasetId}`);
  await page.getByRole('button', { name: 'Delete dataset' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this dataset?' });
  await dialog.waitFor();
  check(await page.evaluate(() => document.activeElement?.textContent === 'Keep it'), 'the safe choice "Keep it" is not focused');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Delete dataset' }).click();
  await page.getByRole('button', { name: `Yes, delete e2e capitals ${stamp}` }).click();
  await page.waitForURL(/\/datasets$/);
  await page.getByRole('status').filter({ hasText: `Dataset e2e capitals ${stamp} deleted.` }).waitFor();
  check(await page.getByRole('link', { name: `e2e capitals ${stamp}`, exact: true }).count() === 0, 'the deleted dataset is still listed');
  const gone = await fetch(`${gateway}/api/datasets/${datasetId}`, { headers: { 'X-Api-Key': apiKey } });
  check(gone.status === 404, `GET of the deleted dataset answered ${gone.status}, expected 404`);
  await shot('dataset-deleted');
  step('dataset delete: confirmed by keyboard-safe dialog, gone from the list and 404 from the API');

  check(violations.length === 0, `axe found serious or critical violations:\n${violations.join('\n')}`);
  step('axe: 0 serious or critical violations on every evaluation page');
  check(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  step('no page errors');
} catch (error) {
  failed = true;
  console.error(`eval-e2e: FAILED after: ${steps.at(-1) ?? 'start'}\n${error?.stack ?? error}`);
} finally {
  await browser.close();
  writeFileSync(join(output, 'steps.txt'), steps.join('\n') + '\n');
}
process.exit(failed ? 1 : 0);
