// End-to-end test of the web app in real headless Chromium (Debian's package, driven by playwright-core), against a
// running platform. Usage: node e2e/run.mjs <gateway-url> <api-key> <output-folder>
// It creates an experiment in the UI, builds and runs a batch, watches progress reach 100%, opens the analysis,
// exports CSV and checks the file, and saves a screenshot of every page (1280 px, and the dashboard at 390 px).
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const shot = async (name) => { await page.screenshot({ path: join(output, `${name}.png`), fullPage: true }); step(`screenshot ${name}.png`); };

  await page.goto(`${gateway}/settings`);
  await page.getByLabel('Key for this browser').fill(apiKey);
  await page.getByRole('button', { name: 'Save key' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.getByText('Now:').waitFor();
  await shot('settings');

  await nav('Dashboard').click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await page.getByText('healthy').first().waitFor();
  await shot('dashboard');

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
  await nav('Experiments').click();
  await page.getByRole('link', { name: 'e2e rain' }).first().waitFor();
  await shot('experiments');

  // Build a batch: 3 temperatures × 2 top_p × 1 max_tokens × 2 responses = 12 calls.
  await nav('Batch experiments').click();
  const builder = page.getByRole('form', { name: 'Grid builder' });
  await builder.getByLabel('Name').fill('e2e batch');
  await builder.getByLabel('top_p from').fill('0.5');
  await builder.getByLabel('step').nth(1).fill('0.5');
  await builder.getByText('= 12 calls').waitFor();
  await shot('batch-builder');
  await builder.getByRole('button', { name: 'Create batch' }).click();
  const created = page.getByRole('region', { name: 'Batch created' }).or(page.locator('[aria-label="Batch created"]'));
  await created.getByText('estimated duration').waitFor();
  await page.getByRole('button', { name: 'Start batch' }).click();
  await page.waitForURL(/\/batches\/[0-9a-f-]+$/);
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

  // The response drawer.
  await page.getByRole('row').filter({ hasText: '0.2' }).last().click();
  await page.getByRole('dialog', { name: 'Response' }).waitFor();
  await shot('response-drawer');
  await page.keyboard.press('Escape');

  await nav('Playground').click();
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.locator('[aria-label="Generated response"] table').first().waitFor({ timeout: 60000 });
  await shot('playground');

  await nav('Compare').click();
  await page.getByRole('heading', { name: 'Compare runs' }).waitFor();
  await shot('compare');
  await nav('Quality metrics').click();
  await page.getByText('scored responses').waitFor();
  await shot('quality-metrics');
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

  await page.setViewportSize({ width: 390, height: 844 });
  await nav('Dashboard').click();
  await page.getByText('healthy').first().waitFor();
  await shot('dashboard-390px');

  check(consoleErrors.length === 0, `page errors: ${consoleErrors.join('; ')}`);
} catch (error) {
  failed = true;
  console.error(`e2e: FAILED after: ${steps.at(-1) ?? 'start'}\n${error?.stack ?? error}`);
} finally {
  await browser.close();
  writeFileSync(join(output, 'steps.txt'), steps.join('\n') + '\n');
}
process.exit(failed ? 1 : 0);
