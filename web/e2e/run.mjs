// End-to-end test of the web app in real headless Chromium (Debian's package, driven by playwright-core), against a
// running platform. Usage: node e2e/run.mjs <gateway-url> <api-key> <output-folder>
// It creates an experiment in the UI, builds and runs a batch, watches progress reach 100%, opens the analysis,
// exports CSV and checks the file, and saves a screenshot of every page at 1280 and 390 px. Every page visited is
// checked with axe-core (0 serious or critical violations), for horizontal overflow at 390 px, and the main flows are
// walked with the keyboard. Run states (validation, cancel, a missing run, no key, a failed run) and first paint
// figures (FCP/LCP p50 of 5 loads, bytes cold) are checked and printed.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [gateway, apiKey, output] = process.argv.slice(2);
if (!gateway || !apiKey || !output) {
  console.error('usage: node e2e/run.mjs <gateway-url> <api-key> <output-folder>');
  process.exit(2);
}
mkdirSync(output, { recursive: true });
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const steps = [];
const step = (text) => { steps.push(text); console.log(`e2e: ${text}`); };
const check = (condition, message) => { if (!condition) throw new Error(message); };

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // Without these, Chromium reaches for Google's services at start, which this machine's closed network refuses.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
let batchUrl = '';
let experimentUrl = '';
try {
  // bypassCSP: only so axe-core can be injected; the app itself runs under the gateway's CSP.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: true });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const shot = async (name) => { await page.screenshot({ path: join(output, `${name}.png`), fullPage: true }); step(`screenshot ${name}.png`); await audit(name); };
  const violations = [];
  // axe-core over the page as it is: WCAG 2.0–2.2 A and AA rules; serious and critical findings fail the test.
  async function audit(name, target = page) {
    if (!(await target.evaluate(() => 'axe' in window))) await target.addScriptTag({ content: axeSource });
    const found = await target.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    if (found.length > 0) violations.push(`${name}: ${found.join('; ')}`);
    console.log(`e2e: axe ${name}: ${found.length} serious or critical violations${found.length ? ` — ${found.join('; ')}` : ''}`);
  }
  // The API's own requests, counted by path, to check what the app does not send.
  const requests = [];
  page.on('request', (r) => requests.push({ method: r.method(), path: new URL(r.url()).pathname }));

  const apiCall = async (method, path, body) => {
    const response = await fetch(`${gateway}${path}`, { method, headers: { 'X-Api-Key': apiKey, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    const text = await response.text();
    check(response.ok, `${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };

  await page.goto(`${gateway}/settings`);
  await page.getByLabel('Key for this browser').fill(apiKey);
  await page.getByRole('button', { name: 'Save key' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.getByText('Now:').waitFor();
  await shot('settings');

  await nav('Dashboard').click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await page.getByText('healthy').first().waitFor();
  // Activity cards over a timeframe the reader picks: calls, accuracy (where references exist), latency, tokens, cost.
  const cards = page.getByTestId('summary-cards');
  await cards.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
  const titles = await cards.locator('h3').allTextContents();
  check(titles.join(',') === 'Calls,Accuracy,Latency,Tokens,Cost', `dashboard cards: ${titles.join(', ')}`);
  await page.getByLabel('Timeframe').selectOption('7d');
  await cards.getByText(/^p50 /).waitFor();
  await shot('dashboard');
  step('dashboard: activity cards (calls, accuracy, latency p50/p95, tokens, cost) over a chosen timeframe');

  // Create an experiment; the form shows the field error first, as the API would name it.
  await nav('Experiments').click();
  await page.getByRole('button', { name: 'New experiment' }).click();
  const form = page.getByRole('form', { name: 'Experiment' });
  await form.getByLabel('Name').fill('e2e rain');
  await form.getByLabel('Prompt').fill('Explain how rain forms in clouds.');
  await form.getByLabel('Temperature max').fill('3');
  await form.getByRole('button', { name: 'Create experiment' }).click();
  await form.getByText('must be between 0 and 2.').waitFor();
  await shot('experiment-form-error');
  await form.getByLabel('Temperature max').fill('1');
  await form.getByRole('button', { name: 'Create experiment' }).click();
  await page.getByRole('heading', { name: /e2e rain/ }).waitFor();
  step('experiment created in the UI');
  // A gate every cell meets, so the run's matrix marks its cells (checked further down).
  await apiCall('PUT', `/api/experiments/${new URL(page.url()).pathname.split('/').pop()}/gates`, { checks: [{ metric: 'overall_score', op: '>=', value: 0 }] });
  // Run the grid: the experiment's own status leaves "draft" without a reload.
  await page.getByRole('button', { name: 'Run the grid' }).click();
  await page.locator('h1 .badge').filter({ hasText: /running|completed/ }).waitFor({ timeout: 60000 });
  step(`experiment status after Run the grid: ${(await page.locator('h1 .badge').textContent()).trim()}`);
  experimentUrl = page.url();
  const experimentRun = await page.getByRole('link', { name: /^Follow run/ }).getAttribute('href');
  await shot('experiment-detail');
  await nav('Experiments').click();
  await page.getByRole('link', { name: 'e2e rain' }).first().waitFor();
  await shot('experiments');

  // The batch form checks the API's rules before sending: out-of-range temperature, step 0, text in max_tokens.
  await nav('Batch experiments').click();
  const builder = page.getByRole('form', { name: 'Grid builder' });
  const batchPosts = () => requests.filter((r) => r.method === 'POST' && r.path === '/api/experiments/batch').length;
  await builder.getByLabel('Name').fill('e2e invalid');
  await builder.getByLabel('Temperature to').fill('3');
  await builder.getByLabel('top_p step').fill('0');
  await builder.getByLabel('max_tokens (list)').fill('60, abc');
  await builder.getByRole('button', { name: 'Create batch' }).click();
  await builder.getByText('temperature must be between 0 and 2.').waitFor();
  await builder.getByText('top_p.step must be greater than 0.').waitFor();
  await builder.getByText('max_tokens must be whole numbers from 1 to 32768').waitFor();
  check(batchPosts() === 0, 'the invalid batch was sent to the API');
  check(!(await builder.textContent()).includes('BytePositionInLine'), 'a raw converter error is shown');
  await shot('batch-builder-errors');
  // A huge grid previews its ends and its count, not thousands of numbers.
  await builder.getByLabel('Temperature to').fill('2');
  await builder.getByLabel('top_p step').fill('0.5');
  await builder.getByLabel('max_tokens (list)').fill('60');
  await builder.getByLabel('Temperature step').fill('0.001');
  const huge = await page.getByTestId('grid-preview').textContent();
  check(huge.includes('values)') && huge.length < 300, `the grid preview was not capped: ${huge.slice(0, 200)}…`);
  step('batch form: field errors in the API wording before sending, capped preview');
  // Arrow Up moves temperature by its step (0.05), not by 1.
  await builder.getByLabel('Temperature step').fill('0.4');
  await builder.getByLabel('Temperature from').fill('0.2');
  await builder.getByLabel('Temperature from').press('ArrowUp');
  const stepped = await builder.getByLabel('Temperature from').inputValue();
  check(stepped === '0.25', `Arrow Up made temperature ${stepped}, expected 0.25`);
  await builder.getByLabel('Temperature from').fill('0.2');
  await builder.getByLabel('Temperature to').fill('1');

  // Build a batch: 3 temperatures × 2 top_p × 1 max_tokens × 2 responses = 12 calls, created and started by keyboard.
  await builder.getByLabel('Name').fill('e2e batch');
  await builder.getByLabel('top_p from').fill('0.5');
  await builder.getByLabel('top_p step').fill('0.5');
  await builder.getByText('= 12 calls').waitFor();
  // The estimate comes from the platform's measured history and says what it stands on.
  await page.getByTestId('grid-estimate').getByText(/for 12 calls — /).waitFor({ timeout: 15000 });
  const estimate = await page.getByTestId('grid-estimate').textContent();
  check(/^(Estimated|Assumed) [\d.]+ (s|min).* and \$[\d.]+ for 12 calls — (from \d+ recent (runs?|calls?) of local\/default|no history for local\/default)/.test(estimate), `builder estimate: ${estimate}`);
  step(`builder: estimate from history with its basis (${(await page.getByTestId('grid-estimate').getAttribute('data-basis'))})`);
  await shot('batch-builder');
  await builder.getByLabel('Name').press('Enter');
  const created = page.locator('[aria-label="Batch created"]');
  await created.getByText('estimated duration').waitFor();
  await page.getByRole('button', { name: 'Start batch' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/batches\/[0-9a-f-]+$/);
  batchUrl = page.url();
  const progress = page.getByRole('progressbar', { name: 'Run progress' });
  await progress.waitFor();
  await page.waitForFunction(() => document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') === '100', null, { timeout: 180000 });
  step('progress reached 100%');
  await page.getByRole('heading', { name: 'Results analysis' }).waitFor({ timeout: 60000 });
  await page.getByRole('cell').first().waitFor({ timeout: 60000 });
  await page.getByText('Insights').waitFor();
  await page.getByText('Analytics over 12 of 12 responses').waitFor({ timeout: 60000 });
  await page.waitForFunction(() => !document.body.innerText.includes('Loading…'), null, { timeout: 60000 });
  await shot('batch-analysis');
  // The analysis asks the server for aggregates and one page of responses, never the whole run's export.
  const exports = requests.filter((r) => r.path === '/api/export/custom').length;
  const paged = requests.filter((r) => /\/api\/experiments\/batch\/[0-9a-f-]+\/(responses|heatmap)$/.test(r.path)).length;
  check(exports === 0 && paged >= 2, `the analysis downloaded the export ${exports} times and asked for ${paged} pages or heatmaps`);
  step('analysis: heatmap and responses paged from the server, no whole-run download');

  // Export the responses as CSV and check the file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).last().click(),
  ]);
  const csvPath = join(output, 'batch-export.csv');
  await download.saveAs(csvPath);
  const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  check(lines[0].startsWith('response_id,'), `CSV header was ${lines[0]}`);
  check(lines.length === 13, `CSV had ${lines.length - 1} rows, expected 12`);
  step('CSV export checked: header and 12 rows');

  // The run's setup is on its page, and one best configuration: the heatmap outlines the cell the text names.
  await page.locator('[aria-label="Run setup"]').getByText('Explain how rain forms').waitFor();
  const bestText = await page.getByTestId('best-configuration').textContent();
  const bestCell = await page.locator('table.heatmap td.best').count();
  check(/temperature [\d.]+, top_p [\d.]+/.test(bestText) && bestCell === 1, `best configuration "${bestText}", ${bestCell} outlined cells`);
  step('batch page: prompt, provider/model and grid shown; one best configuration');

  // The response drawer by keyboard: Enter opens it and stays open, Tab stays inside, Escape returns focus to the row.
  const row = page.getByRole('row').filter({ hasText: '0.2' }).last();
  await row.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'Response' });
  await drawer.waitFor();
  await page.waitForTimeout(300);
  check(await drawer.isVisible(), 'the drawer closed on the Enter that opened it');
  check((await drawer.getAttribute('aria-modal')) === 'true', 'the drawer is not aria-modal');
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    check(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]')), `Tab ${i + 1} left the drawer`);
  }
  await shot('response-drawer');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
  check(await row.evaluate((el) => el === document.activeElement), 'focus did not return to the row');
  step('keyboard: drawer opens with Enter, traps Tab, closes with Escape back to its row');

  // A heatmap cell by keyboard opens its responses: the table narrows on the server to that cell (12 calls / 6 cells = 2).
  const cell = page.getByRole('button', { name: /^temperature 0\.2, top_p 1: mean/ });
  await cell.focus();
  await page.keyboard.press('Enter');
  const narrowed = page.getByTestId('response-filter');
  await narrowed.getByText('temperature 0.2 · top_p 1').waitFor();
  await page.getByTestId('response-count').getByText('2 responses').waitFor({ timeout: 30000 });
  check(await page.evaluate(() => document.activeElement?.textContent === 'Every response'), 'opening a cell did not move focus to the responses');
  // Sorting runs on the server too: Overall descending puts the higher score first.
  await page.getByRole('button', { name: 'Overall', exact: true }).click();
  await page.locator('th[aria-sort=descending]').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid=response-count]')?.textContent?.includes('updating'));
  const overall = await page.locator('table.analysis-rows tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.children[3].textContent)));
  check(overall.length === 2 && overall[0] >= overall[1], `the cell's rows sorted by Overall descending were ${overall.join(', ')}`);
  await shot('batch-analysis-cell');
  await narrowed.getByRole('button', { name: 'Show every response' }).click();
  await page.getByTestId('response-count').getByText('12 responses').waitFor({ timeout: 30000 });
  step('heatmap: a cell opens its responses by keyboard, sorted on the server');

  // Scatter and parallel coordinates: one Tab stop each, arrows between configurations, Enter opens their responses.
  const scatter = page.getByTestId('scatter');
  check((await scatter.locator('circle').count()) === 6 && (await page.getByTestId('parallel').locator('path.analysis-line').count()) === 6,
    'the charts do not show the 6 configurations');
  check((await scatter.locator('circle[tabindex="0"]').count()) === 1, 'the scatter is not one Tab stop');
  await scatter.locator('circle[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  const pointLabel = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  check(/^temperature [\d.]+, top_p [\d.]+: overall_score [\d.]+ over 2 responses/.test(pointLabel) && (await scatter.locator('circle').nth(1).getAttribute('tabindex')) === '0',
    `Arrow Right did not move to the second point: ${pointLabel}`);
  await page.keyboard.press('Enter');
  const [, pt, pp] = /^temperature ([\d.]+), top_p ([\d.]+)/.exec(pointLabel);
  await narrowed.getByText(`temperature ${pt} · top_p ${pp}`).waitFor();
  await page.getByTestId('response-count').getByText('2 responses').waitFor({ timeout: 30000 });
  await narrowed.getByRole('button', { name: 'Show every response' }).click();
  step('charts: scatter and parallel coordinates, a point by keyboard opens its responses');

  // The run as a matrix: rows top_p, columns temperature (the first dimension that varies), a cell opens its response.
  await page.getByRole('link', { name: 'Open the matrix' }).click();
  const matrix = page.getByRole('region', { name: 'Run matrix' });
  await matrix.waitFor();
  check((await matrix.locator('tbody tr').count()) === 2 && (await matrix.locator('button.matrix-cell').count()) === 6, 'the matrix is not 2 rows × 3 columns');
  check((await page.getByLabel('Columns').inputValue()) === 'temperature', `matrix columns: ${await page.getByLabel('Columns').inputValue()}`);
  await page.getByTestId('matrix-gate').getByText('No gate').waitFor();
  await matrix.locator('button.matrix-cell').first().focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Response' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Response' }).waitFor({ state: 'detached' });
  await shot('batch-matrix');
  // The experiment's run has a gate (overall_score >= 0): every cell says it meets it, in words, not colour alone.
  await page.goto(`${gateway}${experimentRun}/matrix`);
  await page.getByTestId('matrix-gate').getByText('Gate: overall_score >= 0').waitFor({ timeout: 60000 });
  const gateCells = page.getByRole('region', { name: 'Run matrix' }).locator('button.matrix-cell');
  await gateCells.first().waitFor();
  const passes = await page.getByRole('region', { name: 'Run matrix' }).getByText('✓ pass').count();
  check(passes > 0 && passes === (await gateCells.count()), `${passes} of ${await gateCells.count()} cells marked as meeting the gate`);
  await shot('batch-matrix-gate');
  step('matrix: rows × columns of outputs and scores, cells by keyboard, pass/fail against the gate');
  await page.goto(batchUrl);
  await page.getByRole('heading', { name: 'Results analysis' }).waitFor({ timeout: 60000 });

  // The skip link is the first Tab stop and moves focus to the content.
  await page.goto(`${gateway}/experiments`);
  await page.getByRole('heading', { name: 'Experiments' }).waitFor();
  await page.keyboard.press('Tab');
  check((await page.evaluate(() => document.activeElement?.textContent)) === 'Skip to content', 'the first Tab stop is not the skip link');
  await page.keyboard.press('Enter');
  check(await page.evaluate(() => document.activeElement?.id === 'main'), 'the skip link did not move focus to the content');
  step('keyboard: skip link first, moves to the content');

  await nav('Playground').click();
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.locator('[aria-label="Generated response"] table').first().waitFor({ timeout: 60000 });
  await shot('playground');

  await nav('Compare').click();
  await page.getByRole('heading', { name: 'Compare runs' }).waitFor();
  await shot('compare');
  await nav('Quality metrics').click();
  await page.getByText('scored responses').waitFor();
  // Rows choose the histogram's metric with a button, not a mouse-only row.
  await page.getByRole('button', { name: 'Relevance' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /Relevance distribution/ }).waitFor();
  // The chosen metric over time, for every run or one experiment's, with its figures in a table.
  await page.getByRole('heading', { name: 'Relevance over time' }).waitFor();
  await page.getByRole('img', { name: /^Daily mean Relevance/ }).waitFor({ timeout: 30000 });
  await page.getByLabel('Runs of').selectOption({ label: 'e2e rain' });
  await page.getByRole('img', { name: /^Daily mean Relevance, 1 days?/ }).waitFor({ timeout: 30000 });
  await page.getByText(/^Daily figures/).click();
  await page.getByRole('region', { name: 'Daily mean Relevance' }).locator('tbody tr').first().waitFor();
  await shot('quality-metrics');
  step('quality: a metric over time, for every run or one experiment, with its daily figures');
  await nav('Models').click();
  await page.getByText('best mean overall score first').waitFor();
  await shot('models');

  // Administration: issue a key (shown once), use it, revoke it; add a user; the audit log records the key.
  await nav('Administration').click();
  await page.getByRole('heading', { name: 'Administration' }).waitFor();
  const keyName = `e2e-key-${Date.now()}`;
  const issueForm = page.getByRole('form', { name: 'Issue key' });
  await issueForm.getByLabel('Key name').fill(keyName);
  await issueForm.getByLabel('Key role').selectOption('analyst');
  await issueForm.getByRole('button', { name: 'Issue key' }).click();
  const issuedKey = (await page.getByTestId('issued-key').textContent())?.trim() ?? '';
  check(issuedKey.length >= 20, `issued key looks wrong: "${issuedKey}"`);
  const meWith = (key) => fetch(`${gateway}/api/me`, { headers: { 'X-Api-Key': key } });
  const asIssued = await meWith(issuedKey);
  check(asIssued.status === 200 && (await asIssued.json()).role === 'analyst', `the issued key answered ${asIssued.status} on /api/me`);
  await page.getByRole('cell', { name: keyName, exact: true }).waitFor();
  const userEmail = `e2e-${Date.now()}@example.com`;
  const userForm = page.getByRole('form', { name: 'Add user' });
  await userForm.getByLabel('Email').fill(userEmail);
  await userForm.getByLabel('Name').fill('E2E Person');
  await userForm.getByRole('button', { name: 'Add user' }).click();
  await page.getByRole('cell', { name: userEmail, exact: true }).waitFor();
  // The audit log is written as the gateway's audit events arrive: reload until the issuance is listed.
  for (let attempt = 0; ; attempt++) {
    if (await page.getByRole('cell', { name: 'key.issued' }).count() > 0) break;
    check(attempt < 20, 'the audit log never listed key.issued');
    await new Promise((r) => setTimeout(r, 1000));
    await page.reload();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByText('entries, newest first').waitFor();
  }
  await shot('admin');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: `Revoke ${keyName}` }).click();
  await page.getByRole('cell', { name: keyName, exact: true }).waitFor({ state: 'detached' });
  let refused = 0;
  for (let attempt = 0; attempt < 20 && refused !== 401; attempt++) {
    refused = (await meWith(issuedKey)).status;
    if (refused !== 401) await new Promise((r) => setTimeout(r, 500));
  }
  check(refused === 401, `the revoked key still answered ${refused}`);
  step('admin: key issued in the UI worked, was revoked and refused; user added');

  const counters = () => page.getByTestId('run-counters').textContent();

  // Run states: a missing run, Cancel with confirmation and settled counters, a failed run's reason, no key.
  async function runStates(browserContext) {
    await page.goto(`${gateway}/batches/3f2b8c1e-1111-4222-8333-944455556666`);
    await page.getByRole('heading', { name: 'Run not found' }).waitFor();
    const polls = () => requests.filter((r) => r.path.endsWith('/3f2b8c1e-1111-4222-8333-944455556666/progress')).length;
    const before = polls();
    await page.waitForTimeout(3000);
    check(polls() === before && before <= 2, `a missing run's progress was asked ${polls()} times`);
    await shot('batch-missing');
    step('missing run: says so and stops polling');

    // 3 × 3 × 2 × 40 = 720 calls, max_tokens given as 120, 40 (the axis must read 40, 120).
    const big = await apiCall('POST', '/api/experiments/batch', { name: 'e2e cancel', prompt: 'Describe the water cycle.', provider: 'local', model: '', response_count: 40,
      parameter_ranges: { temperature: { min: 0, max: 1, step: 0.5 }, top_p: { min: 0.5, max: 1, step: 0.25 }, max_tokens: [120, 40] } });
    await apiCall('POST', `/api/experiments/batch/${big.id}/start`);
    await page.goto(`${gateway}/batches/${big.id}`);
    // Pause: calls in flight land, then the counters come from the server and stand still, without rate or ETA.
    await page.getByRole('button', { name: 'Pause' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('h1 .badge').filter({ hasText: 'paused' }).waitFor({ timeout: 30000 });
    await page.waitForTimeout(4000);
    const paused = await counters();
    check(!/calls\/s|ETA/.test(paused), `a paused run still shows rate or ETA: ${paused}`);
    await page.waitForTimeout(2000);
    check((await counters()) === paused, `counters moved while paused: ${paused} → ${await counters()}`);
    await shot('batch-paused');
    step(`pause: counters stand still without rate or ETA (${paused.trim()})`);
    // By keyboard: the live counters move the buttons while the run goes on.
    await page.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog', { name: 'Cancel this run?' }).waitFor();
    check(await page.evaluate(() => document.activeElement?.textContent === 'Keep running'), 'the confirmation did not focus the safe choice');
    await shot('batch-cancel-confirm');
    await page.getByRole('button', { name: 'Yes, cancel the run' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('h1 .badge').filter({ hasText: /cancelled|completed/ }).waitFor({ timeout: 30000 });
    await page.waitForTimeout(4000);
    const settled = await counters();
    check(!/calls\/s|ETA/.test(settled), `a stopped run still shows rate or ETA: ${settled}`);
    await page.waitForTimeout(2000);
    check((await counters()) === settled, `counters moved after Cancel: ${settled} → ${await counters()}`);
    await page.reload();
    await page.getByTestId('run-counters').waitFor();
    await page.waitForTimeout(1000);
    check((await counters()) === settled, `after reload the counters differ: ${settled} → ${await counters()}`);
    await shot('batch-cancelled');
    step(`cancel: confirmed, counters settled from the server (${settled.trim()})`);

    // Compare the 12-call run with the 180-call run: different grids are paired by identity, the rest named.
    await page.goto(`${gateway}/compare`);
    const runA = page.getByLabel('Run A (baseline)');
    await runA.locator('option').filter({ hasText: 'e2e batch' }).first().waitFor({ state: 'attached' });
    const labels = await runA.locator('option').allTextContents();
    check(new Set(labels).size === labels.length, `run pickers repeat labels: ${labels.join(' / ')}`);
    await runA.selectOption({ label: labels.find((l) => l.startsWith('e2e batch')) });
    await page.getByLabel('Run B').selectOption({ label: labels.find((l) => l.startsWith('e2e cancel')) });
    await page.getByRole('alert').or(page.getByTestId('unpaired')).or(page.getByTestId('no-pairs')).first().waitFor({ timeout: 30000 });
    const said = await page.getByRole('alert').or(page.getByTestId('unpaired')).or(page.getByTestId('no-pairs')).first().textContent();
    await shot('compare-different-grids');
    step(`compare: different grids explained: ${said.trim().slice(0, 120)}`);
    // A second run of the e2e batch's grid pairs item by item; exact_match has no reference answers here: 0 pairs, said so.
    const twin = await apiCall('POST', '/api/experiments/batch', { name: 'e2e twin', prompt: 'Explain how rain forms.', provider: 'local', model: '', response_count: 2,
      parameter_ranges: { temperature: { min: 0.2, max: 1, step: 0.4 }, top_p: { min: 0.5, max: 1, step: 0.5 }, max_tokens: [60] } });
    await apiCall('POST', `/api/experiments/batch/${twin.id}/start`);
    for (let i = 0; i < 60 && (await apiCall('GET', `/api/experiments/batch/${twin.id}/status`)).status !== 'completed'; i++) await page.waitForTimeout(1000);
    await page.reload();
    await runA.locator('option').filter({ hasText: 'e2e twin' }).first().waitFor({ state: 'attached' });
    const twinLabels = await runA.locator('option').allTextContents();
    await runA.selectOption({ label: twinLabels.find((l) => l.startsWith('e2e batch')) });
    await page.getByLabel('Run B').selectOption({ label: twinLabels.find((l) => l.startsWith('e2e twin')) });
    await page.getByLabel('Metric').selectOption('exact_match');
    await page.getByTestId('no-pairs').waitFor({ timeout: 60000 });
    await shot('compare-no-pairs');
    step('compare: a metric with 0 paired items is explained');

    // Outputs side by side: two runs chosen by keyboard, paired item by item, word-diffed against the first, changed only.
    const side = page.getByRole('group', { name: /Runs to compare/ });
    for (const name of [/^e2e batch/, /^e2e twin/]) {
      await side.getByRole('checkbox', { name }).first().focus();
      await page.keyboard.press('Space');
    }
    const summary = page.getByTestId('side-by-side-summary');
    await summary.getByText(/^12 items paired/).waitFor({ timeout: 30000 });
    const changedItems = Number(/; (\d+) differ/.exec(await summary.textContent())[1]);
    const firstItem = page.locator('section.compare-item').first();
    check((await firstItem.getByRole('region', { name: /^Output of run [12],/ }).count()) === 2, 'an item does not show both runs\' outputs');
    await page.getByLabel(/Changed only/).check();
    await summary.getByText(`showing the ${changedItems} changed`).waitFor({ timeout: 30000 });
    const shownBadges = await page.locator('section.compare-item .badge').count();
    check(shownBadges === Math.min(changedItems, 10) && (changedItems === 0 || (await page.locator('section.compare-item ins, section.compare-item del').count()) > 0),
      `changed only showed ${shownBadges} items of ${changedItems} changed, or no word diff`);
    await shot('compare-side-by-side');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    const sideWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    await shot('compare-side-by-side-390px');
    await page.setViewportSize({ width: 1280, height: 900 });
    check(sideWidth <= 390, `side by side is ${sideWidth}px wide at 390 px`);
    step(`compare: outputs side by side, paired and word-diffed, changed only (${changedItems} of 12 changed)`);

    // A provider that cannot be reached: the run fails and says why; the Playground's answer stops and shows the problem.
    const providerName = `e2edown${Date.now() % 100000}`;
    await apiCall('POST', '/api/llm/providers', { name: providerName, kind: 'openai', base_url: 'http://unreachable.invalid/v1', api_key: 'sk-e2e-unreachable', default_model: 'm1', models: [{ name: 'm1' }] });
    const doomed = await apiCall('POST', '/api/experiments/batch', { name: 'e2e failing', prompt: 'Hello.', provider: providerName, model: 'm1', response_count: 2,
      parameter_ranges: { temperature: [0.5], top_p: [1], max_tokens: [20] } });
    await apiCall('POST', `/api/experiments/batch/${doomed.id}/start`);
    await page.goto(`${gateway}/batches/${doomed.id}`);
    await page.getByText('This run produced no responses').waitFor({ timeout: 120000 });
    const reason = await page.getByRole('alert').filter({ hasText: 'This run produced no responses' }).textContent();
    check(/unavailable|provider error|timeout|failed/.test(reason) && reason.includes(':'), `the failed run gives no reason: ${reason}`);
    await shot('batch-failed');
    step('failed run: shows its reason');

    await page.goto(`${gateway}/playground`);
    await page.getByLabel('Model').selectOption(`${providerName}/m1`);
    await page.getByRole('button', { name: 'Generate' }).click();
    const answer = page.locator('[aria-label="Generated response"]').first();
    await answer.getByRole('alert').waitFor({ timeout: 120000 });
    check(!(await answer.textContent()).includes('▍'), 'the failed answer kept its streaming cursor');
    await shot('playground-failed');
    step('playground: a failed answer stops and shows the problem');

    // No key: one notice linking to Settings, no error per request.
    const keyless = await browserContext.browser().newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const bare = await keyless.newPage();
    await bare.goto(`${gateway}/batches`);
    await bare.getByRole('link', { name: 'Add one in Settings' }).waitFor();
    await bare.waitForTimeout(1500);
    const alerts = await bare.getByRole('alert').count();
    check(alerts === 0, `without a key the page shows ${alerts} errors`);
    await bare.screenshot({ path: join(output, 'no-key.png'), fullPage: true });
    step('screenshot no-key.png');
    await audit('no-key', bare);
    await keyless.close();
    step('no key: one notice linking to Settings, no errors');
  }

  // Every page at 390 px: no sideways scrolling, a screenshot, and axe again.
  async function phoneWidth(_page, batchPage) {
    await page.setViewportSize({ width: 390, height: 844 });
    const pages = [['dashboard', '/'], ['experiments', '/experiments'], ['experiment-detail', new URL(experimentUrl).pathname], ['batches', '/batches'], ['batch-analysis', new URL(batchPage).pathname], ['batch-matrix', `${new URL(batchPage).pathname}/matrix`],
      ['playground', '/playground'], ['compare', '/compare'], ['quality-metrics', '/quality'], ['models', '/models'], ['settings', '/settings'], ['admin', '/admin']];
    const wide = [];
    for (const [name, path] of pages) {
      await page.goto(`${gateway}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => !document.body.innerText.includes('Loading…'), null, { timeout: 60000 });
      await page.waitForTimeout(300);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${name} ${width}px`);
      await shot(`${name}-390px`);
    }
    check(wide.length === 0, `pages wider than 390 px: ${wide.join(', ')}`);
    step('390 px: no page scrolls sideways');
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  // First contentful paint and largest contentful paint, p50 of 5 cold loads each, and the bytes a cold load moves.
  async function firstPaint(batchPage, bigRun) {
    const targets = [['dashboard', '/'], ['batch analysis', new URL(batchPage).pathname]];
    // The 2,000-call run (started before the 390 px walk) is measured when it has finished within 150 s.
    if (bigRun) {
      let status = null;
      for (let i = 0; i < 150 && !['completed', 'completed_with_errors'].includes(status?.status); i++) {
        status = await apiCall('GET', `/api/experiments/batch/${bigRun}/status`);
        if (!['completed', 'completed_with_errors'].includes(status.status)) await new Promise((r) => setTimeout(r, 1000));
      }
      if (['completed', 'completed_with_errors'].includes(status.status)) targets.push(['2,000-call batch analysis', `/batches/${bigRun}`]);
      else step(`perf 2,000-call batch analysis: not measured, the run was ${status.status} at ${status.completed_combinations} calls after 150 s`);
    }
    for (const [name, path] of targets) {
      const fcp = [];
      const lcp = [];
      let bytes = 0;
      for (let i = 0; i < 5; i++) {
        const cold = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await cold.addInitScript((key) => localStorage.setItem('llmlab.apiKey', key), apiKey);
        const p = await cold.newPage();
        let transferred = 0;
        const cdp = await cold.newCDPSession(p);
        await cdp.send('Network.enable');
        cdp.on('Network.loadingFinished', (e) => { transferred += e.encodedDataLength; });
        await p.goto(`${gateway}${path}`);
        await p.locator('main h1').first().waitFor({ timeout: 60000 });
        await p.waitForFunction(() => !document.body.innerText.includes('Loading…'), null, { timeout: 60000 });
        await p.waitForTimeout(500);
        // What the page downloaded before the server paged it: the whole run's JSON export (counted, not shown).
        if (i === 0 && name.startsWith('2,000')) {
          const before = transferred;
          await p.evaluate(async ([key, run]) => (await fetch('/api/export/custom', { method: 'POST', headers: { 'X-Api-Key': key, 'Content-Type': 'application/json' },
            body: JSON.stringify({ format: 'json', filters: { batch_id: run } }) })).text(), [apiKey, bigRun]);
          await p.waitForTimeout(300);
          step(`perf ${name}: the whole-run export the page used to download moves ${Math.round((transferred - before) / 1024)} kB on its own`);
          transferred = before;
        }
        const figures = await p.evaluate(() => new Promise((resolve) => {
          const out = { fcp: 0, lcp: 0 };
          out.fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
          new PerformanceObserver((list) => { for (const e of list.getEntries()) out.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve(out), 200);
        }));
        fcp.push(figures.fcp);
        lcp.push(figures.lcp);
        if (i === 0) bytes = transferred;
        await cold.close();
      }
      const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      step(`perf ${name}: FCP p50 ${Math.round(p50(fcp))} ms, LCP p50 ${Math.round(p50(lcp))} ms, ${Math.round(bytes / 1024)} kB transferred cold`);
    }
  }

  // The responses table scrolling through every response of the large run keeps a few dozen rows in the DOM. A run that
  // has not finished by now is cancelled: what it made is enough (the analysis shows once a run has stopped).
  async function virtualRows(run) {
    let status = await apiCall('GET', `/api/experiments/batch/${run}/status`);
    if (!['completed', 'completed_with_errors', 'cancelled', 'failed'].includes(status.status)) await apiCall('DELETE', `/api/experiments/batch/${run}`);
    await page.goto(`${gateway}/batches/${run}`);
    await page.getByRole('heading', { name: 'Results analysis' }).waitFor({ timeout: 60000 });
    await page.getByLabel('Rows').selectOption('scroll');
    const table = page.getByTestId('scrolling-responses');
    await table.locator('tbody tr[tabindex]').first().waitFor({ timeout: 30000 });
    const total = Number(await table.locator('table').getAttribute('aria-rowcount')) - 1;
    const drawn = () => table.locator('tbody tr:not(.analysis-spacer)').count();
    const atTop = await drawn();
    await table.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await table.locator(`tbody tr[aria-rowindex="${total + 1}"][tabindex]`).waitFor({ timeout: 30000 });
    const atBottom = await drawn();
    check(total > 100 && atTop < 60 && atBottom < 60, `virtual rows: ${total} responses, ${atTop} rows drawn at the top, ${atBottom} at the bottom`);
    await shot('batch-virtual-rows');
    step(`virtual table: ${total} responses scroll with ${Math.max(atTop, atBottom)} rows in the DOM`);
  }

  // Static assets: compressed, hashed files cached for a year, index.html revalidated.
  const html = await fetch(`${gateway}/`, { headers: { 'Accept-Encoding': 'br, gzip' } });
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(await html.text())?.[1];
  check(html.headers.get('cache-control') === 'no-cache', `index.html Cache-Control: ${html.headers.get('cache-control')}`);
  const asset = await fetch(`${gateway}${script}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
  check(asset.headers.get('cache-control') === 'public, max-age=31536000, immutable', `${script} Cache-Control: ${asset.headers.get('cache-control')}`);
  check(['br', 'gzip'].includes(asset.headers.get('content-encoding')), `${script} Content-Encoding: ${asset.headers.get('content-encoding')}`);
  step(`static assets: ${asset.headers.get('content-encoding')}, immutable for a year; index.html no-cache`);

  await runStates(context);
  // 5 temperatures × 2 top_p × 2 max_tokens × 100 = 2,000 calls, for the bytes a large run's analysis moves.
  const bigRun = (await apiCall('POST', '/api/experiments/batch', { name: 'e2e 2000 calls', prompt: 'Name a cloud type.', provider: 'local', model: '', response_count: 100,
    parameter_ranges: { temperature: { min: 0, max: 2, step: 0.5 }, top_p: { min: 0.5, max: 1, step: 0.5 }, max_tokens: [8, 16] } })).id;
  await apiCall('POST', `/api/experiments/batch/${bigRun}/start`);
  await phoneWidth(page, batchUrl);
  await firstPaint(batchUrl, bigRun);
  await virtualRows(bigRun);

  check(violations.length === 0, `axe found serious or critical violations:\n${violations.join('\n')}`);
  step('axe: 0 serious or critical violations on every page');
  check(consoleErrors.length === 0, `page errors: ${consoleErrors.join('; ')}`);
} catch (error) {
  failed = true;
  console.error(`e2e: FAILED after: ${steps.at(-1) ?? 'start'}\n${error?.stack ?? error}`);
} finally {
  await browser.close();
  writeFileSync(join(output, 'steps.txt'), steps.join('\n') + '\n');
}
process.exit(failed ? 1 : 0);
