// Browser test of the AppHost's operators' dashboard in headless Chromium (Debian's package, driven by playwright-core),
// against a running platform. Usage: node e2e/operators-dashboard.mjs <dashboard-url> <trace-id> <output-folder>
// It checks the resources table (every process healthy, both batch replicas), a process's console with a search,
// the trace <trace-id> found by its id and shown as a span tree crossing gateway → batch → experiments and
// llm-integration (each deeper than its caller), the slowest-first order, and the metrics charts; a screenshot of each.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [dashboard, traceId, output] = process.argv.slice(2);
if (!dashboard || !traceId || !output) {
  console.error('usage: node e2e/operators-dashboard.mjs <dashboard-url> <trace-id> <output-folder>');
  process.exit(2);
}
mkdirSync(output, { recursive: true });
const step = (text) => console.log(`dashboard-e2e: ${text}`);
const check = (condition, message) => { if (!condition) throw new Error(message); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const shot = async (name) => { await page.screenshot({ path: join(output, `${name}.png`), fullPage: true }); step(`screenshot ${name}.png`); };
  const section = (name) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true });

  await page.goto(dashboard);
  await page.getByRole('heading', { name: "LLM Lab operators' dashboard" }).waitFor();
  const resources = page.getByRole('table', { name: 'Resources' });
  for (const name of ['postgres', 'rabbitmq', 'redis', 'gateway', 'batch', 'batch-2', 'experiments', 'llm-integration']) {
    await resources.locator(`tr[data-resource="${name}"] td.health`, { hasText: /^healthy$/ }).waitFor({ timeout: 15000 });
  }
  const batch2 = resources.locator('tr[data-resource="batch-2"]');
  check((await batch2.locator('td').nth(1).textContent()) === 'batch', 'batch-2 is not shown as a replica of batch');
  step('resources: every process healthy, batch runs as batch and batch-2');
  await shot('dashboard-resources');

  await section('Console').click();
  await page.getByLabel('Process').selectOption('batch');
  await page.locator('#console-lines .line').first().waitFor({ timeout: 15000 });
  const all = await page.locator('#console-lines .line').count();
  await page.getByLabel('Search').fill('batch starting at');
  await page.waitForFunction((before) => document.querySelectorAll('#console-lines .line').length < before, all);
  const found = await page.locator('#console-lines .line').allTextContents();
  check(found.length > 0 && found.every((line) => line.includes('batch starting at')), `console search kept other lines: ${found.slice(0, 3)}`);
  step(`console: ${all} lines of batch, ${found.length} matching the search`);
  await shot('dashboard-console');

  await section('Traces').click();
  const filter = page.getByRole('form', { name: 'Find traces' });
  await filter.getByLabel('Trace id').fill(traceId.slice(0, 12));
  await filter.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('link', { name: traceId }).click();
  const tree = page.getByRole('tree', { name: 'Span tree' });
  await tree.waitFor();
  const items = await tree.getByRole('treeitem').evaluateAll((nodes) => nodes.map((n) => ({
    service: n.dataset.service, level: Number(n.getAttribute('aria-level')),
  })));
  const shallowest = (service) => Math.min(...items.filter((i) => i.service === service).map((i) => i.level));
  for (const service of ['gateway', 'batch', 'experiments', 'llm-integration']) {
    check(items.some((i) => i.service === service), `the span tree has no span of ${service}: ${JSON.stringify(items.slice(0, 20))}`);
  }
  check(shallowest('gateway') === 1, `the gateway's span is not the root (level ${shallowest('gateway')})`);
  check(shallowest('batch') > shallowest('gateway'), 'batch is not below the gateway');
  check(shallowest('experiments') > shallowest('batch'), 'experiments is not below batch');
  check(shallowest('llm-integration') > shallowest('batch'), 'llm-integration is not below batch');
  step(`trace tree: ${items.length} spans, gateway at level 1, batch ${shallowest('batch')}, experiments ${shallowest('experiments')}, llm-integration ${shallowest('llm-integration')}`);
  await shot('dashboard-trace');

  await filter.getByLabel('Trace id').fill('');
  await filter.getByLabel('Service').selectOption('llm-integration');
  await filter.getByLabel('Sort').selectOption('slowest');
  await filter.getByRole('button', { name: 'Find' }).click();
  await page.locator('#trace-list tbody tr a.trace-id').first().waitFor();
  const durations = await page.locator('#trace-list tbody tr td:nth-child(6)').allTextContents();
  const asMs = durations.map((d) => (d.endsWith(' s') ? parseFloat(d) * 1000 : parseFloat(d)));
  check(asMs.every((d, i) => i === 0 || asMs[i - 1] >= d), `traces are not slowest first: ${durations}`);
  step(`traces of llm-integration, slowest first: ${durations.length}`);

  await section('Metrics').click();
  await page.getByRole('img', { name: 'batch requests/s' }).waitFor({ timeout: 15000 });
  await page.getByRole('img', { name: 'llm-integration latency' }).waitFor();
  step('metrics: request and latency charts per service');
  await shot('dashboard-metrics');

  check(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  step('passed');
} catch (error) {
  failed = true;
  console.error(`dashboard-e2e failed: ${error.stack ?? error}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
