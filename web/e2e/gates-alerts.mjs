// End-to-end test of gates, alerts, webhooks, feedback agreement and the live event stream in real headless Chromium
// (Debian's package, driven by playwright-core), against a running platform.
// Usage: node e2e/gates-alerts.mjs <gateway-url> <api-key> <output-folder> <experiment-id> <webhook-url> <webhook-secret>
// It creates a webhook in the form (field errors first, nothing sent; the secret never shown back), sets a gate on the
// experiment (a client-side field error, then the server's problem+json next to its field, then a gate that must fail),
// runs the grid on the built-in engine, sees the failed-gate alert arrive live in the inbox (no reload) with a toast
// and the navigation's open count, acknowledges it from the keyboard and resolves it, reads the run's gate result
// check by check, the webhook's delivery log, and the feedback agreement page. Every page gets axe-core (0 serious or
// critical violations), a screenshot at 1280 and at 390 px, and the 390 px check. One line per passed check: "gates-e2e: …".
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [gateway, apiKey, output, experimentId, webhookUrl, webhookSecret] = process.argv.slice(2);
if (!gateway || !apiKey || !output || !experimentId || !webhookUrl || !webhookSecret) {
  console.error('usage: node e2e/gates-alerts.mjs <gateway-url> <api-key> <output-folder> <experiment-id> <webhook-url> <webhook-secret>');
  process.exit(2);
}
mkdirSync(output, { recursive: true });
const steps = [];
const step = (text) => { steps.push(text); console.log(`gates-e2e: ${text}`); };
const check = (condition, message) => { if (!condition) throw new Error(message); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.addInitScript((key) => {
    localStorage.setItem('llmlab.apiKey', key);
    // Every toast the app shows, kept (they dismiss themselves after 10 s).
    window.__toasts = [];
    new MutationObserver(() => {
      for (const t of document.querySelectorAll('.toasts-item span')) if (!window.__toasts.includes(t.textContent)) window.__toasts.push(t.textContent);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, apiKey);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const requests = [];
  page.on('request', (r) => requests.push({ method: r.method(), path: new URL(r.url()).pathname }));
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
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
    console.log(`gates-e2e: axe ${name}: ${found.length} serious or critical violations${found.length ? ` — ${found.join('; ')}` : ''}`);
  }
  const shot = async (name) => { await page.screenshot({ path: join(output, `${name}.png`), fullPage: true }); console.log(`gates-e2e: screenshot ${name}.png`); await audit(name); };
  const count = (method, path) => requests.filter((r) => r.method === method && r.path === path).length;

  // Webhooks: the form's field errors before sending, then one created; its secret is never shown back.
  await page.goto(`${gateway}/`);
  await nav('Webhooks').click();
  await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await page.getByText('is required: the http(s) URL deliveries are posted to.').waitFor();
  await page.getByText('is required: 16 to 512 characters').waitFor();
  check((await page.getByLabel('URL').getAttribute('aria-invalid')) === 'true', 'the URL field is not marked invalid');
  check(count('POST', '/api/webhooks') === 0, 'a webhook without URL and secret was sent');
  step('webhooks: field errors before sending, nothing sent');
  await page.getByLabel('URL').fill(webhookUrl);
  await page.getByLabel('alert.gate').check();
  await page.getByLabel(/^Secret/).fill(webhookSecret);
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await page.getByText(/Webhook created for/).waitFor();
  await page.getByTestId('webhook-item').filter({ hasText: webhookUrl }).waitFor();
  check((await page.getByLabel(/^Secret/).inputValue()) === '', 'the secret stayed in the form');
  check(!(await page.content()).includes(webhookSecret), 'the secret is shown on the page');
  step('webhooks: created for alert.gate; the secret is not shown back');

  // The gate editor: a client-side error, the server's problem+json next to its field, then a gate that must fail.
  await page.goto(`${gateway}/experiments/${experimentId}`);
  const gate = page.getByRole('region', { name: 'Quality gate' });
  await gate.getByText('This experiment has no gate yet.').waitFor();
  const check1 = gate.getByRole('group', { name: 'Check 1' });
  await check1.getByLabel('Metric').fill('overall_score');
  await check1.getByLabel('Value').fill('abc');
  await gate.getByRole('button', { name: 'Save gate' }).click();
  await check1.getByText('is required: a number.').waitFor();
  check((await check1.getByLabel('Value').getAttribute('aria-invalid')) === 'true', 'the value field is not marked invalid');
  check(count('PUT', `/api/experiments/${experimentId}/gates`) === 0, 'an invalid gate was sent');
  await check1.getByLabel('Value').fill('101');
  await gate.getByLabel(/^Baseline run id/).fill('3f2b8c1e-1111-4222-8333-944455556666');
  await gate.getByRole('button', { name: 'Save gate' }).click();
  const baselineError = gate.locator('#gates-error-baseline-run-id');
  await baselineError.waitFor();
  const serverSaid = await baselineError.textContent();
  check(/no batch run/.test(serverSaid), `the server's refusal is not shown at the baseline field: ${serverSaid}`);
  check(count('PUT', `/api/experiments/${experimentId}/gates`) === 1, 'the gate was not sent to the server');
  step(`gate editor: a client-side field error, then the server's problem+json at its field (${serverSaid.trim()})`);
  await gate.getByLabel(/^Baseline run id/).fill('');
  await gate.getByRole('button', { name: 'Add a check' }).click();
  const check2 = gate.getByRole('group', { name: 'Check 2' });
  await check2.getByLabel('Metric').fill('latency_p95_ms');
  await check2.getByLabel('Must be').selectOption('<=');
  await check2.getByLabel('Value').fill('600000');
  await gate.getByRole('button', { name: 'Save gate' }).click();
  await gate.getByText('Gate saved').waitFor();
  await shot('experiment-gate');
  step('gate editor: overall_score ≥ 101 and latency_p95_ms ≤ 600000 saved');

  // Run the grid on the built-in engine; watch the inbox, which the live stream fills without a reload.
  await page.getByRole('button', { name: 'Run the grid' }).click();
  const follow = page.getByRole('link', { name: /^Follow run/ });
  await follow.waitFor({ timeout: 60000 });
  const runId = (await follow.getAttribute('href')).split('/').pop();
  console.log(`gates-e2e: run ${runId}`);
  const navigations = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });
  await nav(/^Alerts/).click();
  await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
  await page.getByText('Updates live.').waitFor({ timeout: 30000 });
  const alertsBefore = count('GET', '/api/alerts');
  const item = page.getByTestId('alert-item').filter({ has: page.getByRole('link', { name: `Run ${runId.slice(0, 13)}` }) });
  await item.waitFor({ timeout: 240000 });
  check(navigations.filter((u) => u.includes('/alerts')).length <= 1, 'the page was reloaded');
  const itemText = await item.textContent();
  check(/gate/.test(itemText) && /failed its quality gate/.test(itemText) && /critical/.test(itemText), `the alert does not say what failed: ${itemText}`);
  step(`inbox: the failed-gate alert arrived live (${count('GET', '/api/alerts') - alertsBefore} list reads after the event, no reload)`);
  await page.waitForFunction(() => window.__toasts.some((t) => t.includes('Alert (gate)')) && window.__toasts.some((t) => t.includes('failed its gate')), null, { timeout: 15000 });
  step(`toasts: ${await page.evaluate(() => window.__toasts.filter((t) => /gate|finished|started/.test(t)).join(' | '))}`);
  const navText = await nav(/^Alerts/).textContent();
  check(/\d+/.test(navText), `the navigation shows no open count: ${navText}`);
  step(`navigation: open alerts counted (${navText.trim()})`);
  await shot('alerts');

  // Keyboard: Tab from the filter to this alert's Acknowledge button, Enter.
  await page.getByRole('button', { name: 'Open', exact: true }).focus();
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await item.evaluate((el) => el.contains(document.activeElement) && document.activeElement.textContent === 'Acknowledge');
  }
  check(reached, 'Tab never reached the alert\'s Acknowledge button');
  await page.keyboard.press('Enter');
  await page.getByText('Alert gate is now acknowledged.').waitFor();
  await item.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Acknowledged', exact: true }).click();
  await item.getByText('acknowledged', { exact: true }).waitFor();
  await item.getByRole('button', { name: 'Resolve' }).click();
  await page.getByText('Alert gate is now resolved.').waitFor();
  await page.getByRole('button', { name: 'Resolved', exact: true }).click();
  await item.getByText('resolved', { exact: true }).waitFor();
  check(await item.getByRole('button', { name: 'Acknowledge' }).count() === 0, 'a resolved alert still offers Acknowledge');
  step('inbox: acknowledged from the keyboard, then resolved; a resolved alert offers no action');

  // The run's gate result, check by check.
  await page.goto(`${gateway}/batches/${runId}`);
  const result = page.getByRole('region', { name: 'Quality gate' });
  await result.getByTestId('gate-outcome').waitFor({ timeout: 60000 });
  const outcome = await result.getByTestId('gate-outcome').textContent();
  check(/failed/.test(outcome) && /1 of 2 checks passed/.test(outcome), `the gate result is not "failed, 1 of 2": ${outcome}`);
  const rows = await result.getByRole('row').allTextContents();
  check(rows.some((r) => r.includes('overall_score ≥ 101') && r.includes('✗ failed')), `no failed overall_score row: ${rows.join(' / ')}`);
  check(rows.some((r) => r.includes('latency_p95_ms ≤ 600000') && r.includes('✓ passed')), `no passed latency row: ${rows.join(' / ')}`);
  await shot('run-gate');
  step(`run page: gate failed, each check with its actual value and reason (${rows.slice(1).map((r) => r.slice(0, 60)).join(' / ')})`);

  // The webhook's delivery log: the failed-gate alert, retried after the receiver's 500 and delivered.
  await nav('Webhooks').click();
  const hook = page.getByTestId('webhook-item').filter({ hasText: webhookUrl });
  await hook.getByRole('button', { name: 'Show deliveries' }).click();
  const delivered = hook.getByTestId('delivery-row').filter({ hasText: 'alert.gate' }).filter({ hasText: 'delivered' });
  await delivered.waitFor({ timeout: 180000 });
  const logText = await delivered.textContent();
  check(/#1 500/.test(logText) && /#2 200/.test(logText), `the delivery log does not show the 500 and the retried 200: ${logText}`);
  await shot('webhooks');
  step(`webhooks: delivery log shows alert.gate delivered (${logText.trim().slice(0, 120)})`);

  // Feedback agreement and calibration.
  await nav('Feedback agreement').click();
  await page.getByRole('heading', { name: 'Agreement with people' }).waitFor();
  await settled();
  await page.getByRole('button', { name: 'Calibrate' }).click();
  await page.getByText("name the weight profile").waitFor();
  await page.getByLabel('Profile name').fill(`e2e-${Date.now() % 100000}`);
  await page.getByRole('button', { name: 'Calibrate' }).click();
  const calibrated = page.locator('.feedback-calibrate').getByRole('alert').or(page.locator('.feedback-calibrate').getByRole('status'));
  await calibrated.first().waitFor({ timeout: 60000 });
  await shot('feedback');
  step(`feedback: agreement table and calibration answered (${(await calibrated.first().textContent()).trim().slice(0, 120)})`);

  // Every page at 390 px: no sideways scroll, a screenshot, axe.
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = [];
  for (const [name, path] of [['alerts', '/alerts'], ['webhooks', '/webhooks'], ['feedback', '/feedback'], ['experiment-gate', `/experiments/${experimentId}`], ['run-gate', `/batches/${runId}`]]) {
    await page.goto(`${gateway}${path}`);
    await page.locator('main h1').first().waitFor();
    await settled();
    await page.waitForTimeout(300);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${name} ${width}px`);
    await shot(`${name}-390px`);
  }
  check(wide.length === 0, `pages wider than 390 px: ${wide.join(', ')}`);
  step('390 px: no gates, alerts, webhooks or feedback page scrolls sideways');

  check(violations.length === 0, `axe found serious or critical violations:\n${violations.join('\n')}`);
  step('axe: 0 serious or critical violations on every page');
  check(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  step('no page errors');
} catch (error) {
  failed = true;
  console.error(`gates-e2e: FAILED after: ${steps.at(-1) ?? 'start'}\n${error?.stack ?? error}`);
} finally {
  await browser.close();
  writeFileSync(join(output, 'steps.txt'), steps.join('\n') + '\n');
}
process.exit(failed ? 1 : 0);
