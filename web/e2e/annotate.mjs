// End-to-end test of the Annotate page in real headless Chromium (Debian's package, driven by playwright-core), against
// a running platform. Usage: node e2e/annotate.mjs <gateway-url> <api-key> <output-folder>
// The key's holder (an admin) makes a queue over a small batch run of the built-in engine in the page's form (first
// with a field error, nothing sent), then reviews its four items with the keyboard only: a score and Enter, thumbs and a
// corrected answer typed after "c" (the letters typed do not fire shortcuts) sent with Ctrl+Enter, a skip that comes
// back last; the progress table reaches 4 of 4. On an evaluation's page, "New dataset version from corrected answers"
// makes version 2. axe-core (0 serious or critical) and the 390 px check on each page; one line per passed check is
// printed as "annotate-e2e: …".
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [gateway, apiKey, output] = process.argv.slice(2);
if (!gateway || !apiKey || !output) {
  console.error('usage: node e2e/annotate.mjs <gateway-url> <api-key> <output-folder>');
  process.exit(2);
}
mkdirSync(output, { recursive: true });
const steps = [];
const step = (text) => { steps.push(text); console.log(`annotate-e2e: ${text}`); };
const check = (condition, message) => { if (!condition) throw new Error(message); };
const apiCall = async (method, path, body) => {
  const response = await fetch(`${gateway}${path}`, { method, headers: { 'X-Api-Key': apiKey, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  check(response.ok, `${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
};
const until = async (what, condition, seconds = 120) => {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    check(Date.now() < deadline, `not reached in ${seconds} s: ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const stamp = Date.now() % 1000000;
  const me = await apiCall('GET', '/api/me');
  // A batch run of four responses of the built-in engine, and an evaluation of an uploaded two-item dataset.
  const batch = await apiCall('POST', '/api/experiments/batch', {
    name: `annotate e2e ${stamp}`, prompt: 'Explain how rain forms.', provider: 'local', response_count: 4,
    parameter_ranges: { temperature: [0.5], max_tokens: [20] },
  });
  await apiCall('POST', `/api/experiments/batch/${batch.id}/start`);
  await until('the batch run completes', async () => ['completed', 'completed_with_errors'].includes((await apiCall('GET', `/api/experiments/batch/${batch.id}/status`)).status));
  const dataset = await apiCall('POST', '/api/datasets', {
    name: `annotate e2e ${stamp}`,
    items: [{ id: 'fr', question: 'Capital of France?', answers: ['Paris'] }, { id: 'jp', question: 'Capital of Japan?', answers: ['Tokyo'] }],
  });
  const evaluation = await apiCall('POST', '/api/evaluations', {
    name: `annotate e2e ${stamp}`, dataset_id: dataset.id, provider: 'local', methods: [{ method: 'naive' }], parameters: { temperature: 0, max_tokens: 16 },
  });
  await until('the evaluation completes', async () => (await apiCall('GET', `/api/evaluations/${evaluation.id}/status`)).status === 'completed');
  step('seeded: a batch run of 4 responses and an evaluation of 2 items');

  // bypassCSP: only so axe-core can be injected; the app itself runs under the gateway's CSP.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.addInitScript((key) => localStorage.setItem('llmlab.apiKey', key), apiKey);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const requests = [];
  page.on('request', (r) => requests.push({ method: r.method(), path: new URL(r.url()).pathname }));
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
    console.log(`annotate-e2e: axe ${name}: ${found.length} serious or critical violations${found.length ? ` — ${found.join('; ')}` : ''}`);
  }
  const shot = async (name) => { await page.screenshot({ path: join(output, `${name}.png`), fullPage: true }); console.log(`annotate-e2e: screenshot ${name}.png`); await audit(name); };
  const blur = () => page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  const itemCounter = () => page.getByText(/^Item \d+ ·/).textContent();

  await page.goto(`${gateway}/`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Annotate', exact: true }).click();
  await page.getByRole('heading', { name: 'Annotate', level: 1 }).waitFor();
  await settled();

  // Create a queue in the form: without a run id nothing is sent and the field says why.
  const form = page.getByRole('form', { name: 'Create a queue' });
  const creates = () => requests.filter((r) => r.method === 'POST' && r.path === '/api/annotation-queues').length;
  await form.getByRole('button', { name: 'Create queue' }).click();
  await form.getByText('is required: the id of a batch run or an evaluation.').waitFor();
  check(creates() === 0, 'a queue without a run id was sent');
  step('create form: field errors in the API wording before sending, nothing sent');
  await form.getByLabel('Run id (batch run or evaluation)').fill(batch.id);
  await form.getByLabel(/Other reviewer ids/).fill(me.subject_id);
  await form.getByLabel('Name (optional)').fill(`e2e queue ${stamp}`);
  await form.getByRole('button', { name: 'Create queue' }).click();
  await form.getByText('Queue created: 4 responses dealt to 1 reviewer(s).').waitFor();
  step('create form: a queue over the batch run dealt 4 responses to 1 reviewer');
  await page.getByRole('heading', { name: 'Your next item' }).waitFor();
  await page.getByText('Item 1 ·').waitFor();
  await shot('annotate-manager');

  // Keyboard only from here: Enter with nothing chosen names the score.
  await blur();
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'score: give a score from 1 to 5' }).waitFor();
  step('keyboard: Enter without a score says the score is missing');
  await page.keyboard.press('4');
  check(await page.getByRole('button', { name: '4', exact: true }).getAttribute('aria-pressed') === 'true', '4 did not choose score 4');
  await page.keyboard.press('Enter');
  await page.getByText('Feedback saved on item 1; the next item is loaded.').waitFor();
  await page.getByText('Item 2 ·').waitFor();
  step('keyboard: 4 then Enter saved item 1 and loaded item 2');

  await page.keyboard.press('t');
  check(await page.getByRole('button', { name: 'Thumbs up' }).getAttribute('aria-pressed') === 'true', 't did not choose thumbs up');
  await page.keyboard.press('c');
  check(await page.evaluate(() => document.activeElement?.tagName) === 'TEXTAREA', 'c did not move the focus to the corrected answer');
  const typed = 'Rain falls when cloud droplets merge: 1 2 3 t f s';
  await page.keyboard.type(typed);
  check(await page.getByLabel('Corrected answer (optional)').inputValue() === typed, 'typing in the corrected answer was taken as shortcuts');
  check(await page.getByRole('button', { name: 'Thumbs up' }).getAttribute('aria-pressed') === 'true', 'keys typed in the field changed the judgement');
  await page.keyboard.press('Control+Enter');
  await page.getByText('Feedback saved on item 2; the next item is loaded.').waitFor();
  await page.getByText('Item 3 ·').waitFor();
  step('keyboard: t, c, a typed corrected answer (its letters fire nothing) and Ctrl+Enter saved item 2');

  await blur();
  await page.keyboard.press('s');
  await page.getByText('Item 3 skipped; it comes back after your other items.').waitFor();
  await page.getByText('Item 4 ·').waitFor();
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await page.getByText('Feedback saved on item 4; the next item is loaded.').waitFor();
  await page.getByText(/^Item 3 · .*skipped before/).waitFor();
  step('keyboard: s skipped item 3, which came back after item 4');
  await shot('annotate-review');
  await page.keyboard.press('f');
  await page.keyboard.press('Enter');
  await page.getByText('All your items in this queue are done. Thank you.').waitFor();
  const queues = await apiCall('GET', '/api/annotation-queues');
  const queue = queues.items.find((q) => q.run_id === batch.id);
  check(queue && queue.done === 4 && queue.reviewers[0].done === 4, `the queue's progress is not 4 of 4: ${JSON.stringify(queue)}`);
  const progress = page.getByRole('region', { name: `Progress of e2e queue ${stamp}` });
  await progress.getByRole('row').filter({ hasText: me.subject_id }).filter({ hasText: /4\s*4\s*0/ }).waitFor();
  step('progress: the reviewer did 4 of 4, shown in the table and by the API');
  await shot('annotate-done');
  check(!(await itemCounter().catch(() => null)), 'an item is still shown after the last one');

  // Corrected answers of an evaluation become version 2 of its dataset, from the evaluation's page.
  const evalQueue = await apiCall('POST', '/api/annotation-queues', { run_id: evaluation.id, reviewers: [me.subject_id] });
  for (let item = await apiCall('GET', `/api/annotation-queues/${evalQueue.id}/next`); item; item = await apiCall('GET', `/api/annotation-queues/${evalQueue.id}/next`)) {
    await apiCall('POST', `/api/responses/${item.response_id}/feedback`, { score: 2, corrected_answer: item.prompt === 'Capital of France?' ? 'Paris, France' : undefined });
  }
  await page.goto(`${gateway}/evaluations/${evaluation.id}`);
  const button = page.getByRole('button', { name: 'New dataset version from corrected answers' });
  await button.waitFor();
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByText('Version 2 of the dataset: 1 item(s) take people\'s corrected answer.').waitFor();
  const items = await apiCall('GET', `/api/datasets/${dataset.id}/items?version=2`);
  check(items.items.find((i) => i.id === 'fr').answers.join() === 'Paris, France', `version 2 does not hold the corrected answer: ${JSON.stringify(items.items)}`);
  step('evaluation page: corrected answers became dataset version 2');
  await shot('annotate-evaluation-version');

  await page.setViewportSize({ width: 390, height: 844 });
  const wide = [];
  for (const [name, path] of [['annotate', '/annotate'], ['annotate-evaluation', `/evaluations/${evaluation.id}`]]) {
    await page.goto(`${gateway}${path}`);
    await page.locator('main h1').first().waitFor();
    await settled();
    await page.waitForTimeout(300);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${name} ${width}px`);
    await shot(`${name}-390px`);
  }
  check(wide.length === 0, `pages wider than 390 px: ${wide.join(', ')}`);
  step('390 px: the Annotate page and the evaluation page do not scroll sideways');

  check(violations.length === 0, `axe found serious or critical violations:\n${violations.join('\n')}`);
  step('axe: 0 serious or critical violations on every annotate page');
  check(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  step('no page errors');
} catch (error) {
  failed = true;
  console.error(`annotate-e2e: FAILED after: ${steps.at(-1) ?? 'start'}\n${error?.stack ?? error}`);
} finally {
  await browser.close();
  writeFileSync(join(output, 'steps.txt'), steps.join('\n') + '\n');
}
process.exit(failed ? 1 : 0);
