// End-to-end test of the knowledge base and training pages in real headless Chromium (Debian's package, driven by
// playwright-core), against a running platform.
// Usage: node e2e/knowledge.mjs <gateway-url> <api-key> <output-folder> [fixtures-folder]
// The fixtures folder may hold handbook.pdf (two pages), guide.docx and encrypted.pdf, made by the integration tests'
// generators (PdfPig's writer, the Open XML SDK); TXT, Markdown, HTML and a corrupt PDF are written here. It uploads
// them through the page (file button and drag-and-drop), checks the refusals, the documents list, a chunk preview
// with page numbers, a search in three columns, a delete, then trains a tiny model watching the loss chart grow,
// submits graded texts and reads the agreement, opens the report and downloads its HTML and PDF. Every page gets
// axe-core (0 serious or critical) and a 390 px check; it prints one line per passed check.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const [gateway, apiKey, output, fixtures] = process.argv.slice(2);
if (!gateway || !apiKey || !output) {
  console.error('usage: node e2e/knowledge.mjs <gateway-url> <api-key> <output-folder> [fixtures-folder]');
  process.exit(2);
}
mkdirSync(output, { recursive: true });
const files = join(output, 'files');
mkdirSync(files, { recursive: true });
const step = (text) => console.log(`kb-e2e: ${text}`);
const check = (condition, message) => { if (!condition) throw new Error(message); };
const run = Date.now().toString(36);

// A few thousand characters of plain prose each, so a small model has something to learn and search has words to find.
const prose = (topic, n) => Array.from({ length: n }, (_, i) =>
  `${topic} note ${i + 1}: the river delta floods each spring, and farmers plant rice on the wet silt. ` +
  'Photosynthesis turns sunlight, water and carbon dioxide into sugar inside the leaves of the plant. ').join('\n\n');
const made = {
  [`field-guide-${run}.txt`]: prose('Field guide', 40),
  [`notes-${run}.md`]: `# Notes ${run}\n\n${prose('Markdown', 30)}\n\n## Glaciers\n\nGlaciers carve valleys over thousands of years.`,
  [`page-${run}.html`]: `<!doctype html><html><head><title>Page ${run}</title></head><body><h1>Volcanoes</h1><p>${prose('HTML', 10)}</p><p>Basalt lava flows far before it cools.</p></body></html>`,
  // Claims to be a PDF, is not one: the server must refuse it with a 4xx naming `file`.
  [`broken-${run}.pdf`]: '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R\n' + 'x'.repeat(300),
};
for (const [name, text] of Object.entries(made)) writeFileSync(join(files, name), text);
const fixture = (name) => (fixtures && existsSync(join(fixtures, name)) ? join(fixtures, name) : null);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: true });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const requests = [];
  page.on('request', (r) => requests.push({ method: r.method(), path: new URL(r.url()).pathname }));
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const violations = [];
  async function audit(name) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    const found = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    if (found.length > 0) violations.push(`${name}: ${found.join('; ')}`);
    step(`axe ${name}: ${found.length} serious or critical violations${found.length ? ` — ${found.join('; ')}` : ''}`);
  }
  const shot = async (name) => { await page.screenshot({ path: join(output, `${name}.png`), fullPage: true }); step(`screenshot ${name}.png`); await audit(name); };

  await page.goto(`${gateway}/settings`);
  await page.getByLabel('Key for this browser').fill(apiKey);
  await page.getByRole('button', { name: 'Save key' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  // ---- Knowledge base: upload through the file button and by drag-and-drop ----
  await nav('Knowledge base').click();
  await page.getByRole('heading', { name: 'Knowledge base', level: 1 }).waitFor();
  const upload = page.getByRole('region', { name: 'Upload documents' });
  const fileInput = upload.getByLabel('Choose files');
  await fileInput.focus();
  check(await fileInput.evaluate((el) => el === document.activeElement), 'the file button cannot take the keyboard focus');
  // The options are checked before anything is sent: a chunk size out of range disables the file button.
  await upload.getByLabel('Chunk size (characters)').fill('50');
  await upload.getByText('chunk_size must be between 100 and 8000 characters.').waitFor();
  check(await fileInput.isDisabled(), 'the file button stays enabled with a wrong chunk size');
  await upload.getByLabel('Chunk size (characters)').fill('400');
  await upload.getByLabel('Chunk overlap (characters)').fill('40');
  step('upload options: a wrong chunk size is named before sending');

  const pdf = fixture('handbook.pdf');
  const docx = fixture('guide.docx');
  const chosen = [join(files, `field-guide-${run}.txt`), join(files, `notes-${run}.md`), ...(pdf ? [pdf] : []), ...(docx ? [docx] : [])];
  // Progress events: the page must show a progressbar per file while it is sent.
  await fileInput.setInputFiles(chosen);
  await upload.getByRole('progressbar').first().waitFor({ timeout: 10000 }).catch(() => {});
  const uploads = upload.getByRole('list', { name: 'Uploads' });
  await page.waitForFunction((n) => document.querySelectorAll('.upload-item[data-state=done]').length >= n, chosen.length, { timeout: 60000 });
  step(`uploaded ${chosen.length} files through the file button (${chosen.map((f) => f.split('.').pop()).join(', ')})`);

  // Drag-and-drop: a DataTransfer holding the HTML file, dropped on the zone.
  const html = made[`page-${run}.html`];
  const transfer = await page.evaluateHandle(({ text, name }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'text/html' }));
    return dt;
  }, { text: html, name: `page-${run}.html` });
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: transfer });
  await page.waitForFunction((n) => document.querySelectorAll('.upload-item[data-state=done]').length >= n, chosen.length + 1, { timeout: 60000 });
  step('uploaded an HTML file by drag-and-drop');

  // Upload progress: a 600 KB text sent at 200 KB/s (Chromium's network throttling) shows its progress bar moving.
  const bigName = `long-read-${run}.txt`;
  writeFileSync(join(files, bigName), prose('Long read', 3000).slice(0, 600_000));
  await upload.getByLabel('Chunk size (characters)').fill('8000');
  await upload.getByLabel('Chunk overlap (characters)').fill('0');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 200 * 1024 });
  await page.evaluate(() => {
    window.__progress = [];
    window.__progressTimer = setInterval(() => {
      for (const bar of document.querySelectorAll('.upload-item [role=progressbar]')) {
        const v = Number(bar.getAttribute('aria-valuenow'));
        if (window.__progress[window.__progress.length - 1] !== v) window.__progress.push(v);
      }
    }, 50);
  });
  await fileInput.setInputFiles(join(files, bigName));
  await page.waitForFunction((n) => document.querySelectorAll('.upload-item[data-state=done]').length >= n, chosen.length + 2, { timeout: 120000 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const seen = await page.evaluate(() => { clearInterval(window.__progressTimer); return window.__progress; });
  const between = seen.filter((v) => v > 0 && v < 100);
  check(between.length >= 2 && between.every((v, i) => i === 0 || v >= between[i - 1]), `upload progress did not move through the bar: ${seen.join(', ')}`);
  step(`upload progress per file: ${seen.join('% → ')}%`);
  await upload.getByLabel('Chunk size (characters)').fill('400');
  await upload.getByLabel('Chunk overlap (characters)').fill('40');

  // Refusals: a corrupt PDF (and an encrypted one when the fixtures have it) answer 4xx naming `file`.
  const refused = [join(files, `broken-${run}.pdf`), ...(fixture('encrypted.pdf') ? [fixture('encrypted.pdf')] : [])];
  await fileInput.setInputFiles(refused);
  await page.waitForFunction((n) => document.querySelectorAll('.upload-item[data-state=failed]').length >= n, refused.length, { timeout: 60000 });
  const problems = await uploads.locator('.upload-item[data-state=failed] [role=alert]').allTextContents();
  check(problems.every((p) => /\(4\d\d\)/.test(p) && p.includes('file')), `refusals do not name file with a 4xx: ${problems.join(' / ')}`);
  step(`refused ${refused.length} bad PDF(s) with a 4xx naming file: ${problems[0].replace(/\s+/g, ' ').slice(0, 120)}`);
  const summary = await upload.getByRole('status').textContent();
  check(summary.includes(`${chosen.length + 2} of ${chosen.length + 2 + refused.length} files uploaded, ${refused.length} refused`), `upload summary: ${summary}`);
  await shot('knowledge-upload');

  // ---- Documents list and a chunk preview with page numbers ----
  const table = page.getByRole('region', { name: 'Documents table' });
  const rowOf = (title) => table.locator('tr', { hasText: title });
  await rowOf(`field-guide-${run}`).waitFor();
  const types = {};
  for (const title of [`field-guide-${run}`, `notes-${run}`, `page-${run}`, ...(pdf ? ['handbook'] : []), ...(docx ? ['guide'] : [])]) {
    types[title] = (await rowOf(title).first().locator('td').nth(1).textContent()).trim();
  }
  check(types[`field-guide-${run}`] === 'text' || types[`field-guide-${run}`] === 'txt', `TXT typed as ${types[`field-guide-${run}`]}`);
  check(new Set(Object.values(types)).size === Object.keys(types).length, `file types are not told apart: ${JSON.stringify(types)}`);
  step(`documents list: ${Object.entries(types).map(([t, k]) => `${t.replace(`-${run}`, '')}=${k}`).join(', ')}`);
  const previewOf = pdf ? 'handbook' : `field-guide-${run}`;
  await page.getByRole('button', { name: `Preview chunks of ${previewOf}` }).first().click();
  const chunks = page.getByRole('list', { name: new RegExp(`^Chunks of ${previewOf}`) });
  await chunks.waitFor();
  const chunkLabels = await chunks.locator('li > .muted').allTextContents();
  check(chunkLabels.length > 0 && chunkLabels.every((l) => /^Chunk \d+( · page \d+)?$/.test(l)), `chunk labels: ${chunkLabels.slice(0, 3)}`);
  if (pdf) check(chunkLabels.some((l) => l.endsWith('page 2')), `the PDF's chunks do not reach page 2: ${chunkLabels.join(', ')}`);
  check(await page.evaluate(() => document.activeElement?.id === 'chunks-heading'), 'focus did not move to the chunk preview');
  step(`chunk preview of ${previewOf}: ${chunkLabels.length} chunks, pages ${[...new Set(chunkLabels.map((l) => l.split('page ')[1] ?? 'none'))].join(', ')}`);
  await shot('knowledge-documents');

  // ---- Search: three columns side by side, with scores and where each hit came from ----
  const searchForm = page.getByRole('form', { name: 'Knowledge search' });
  await searchForm.getByRole('button', { name: 'Search' }).click();
  await searchForm.getByText('query is required.').waitFor();
  await searchForm.getByLabel('Query').fill('photosynthesis sunlight leaves');
  await searchForm.getByLabel('Query').press('Enter');
  const column = (mode) => page.locator(`.search-column[data-mode=${mode}]`);
  for (const mode of ['bm25', 'dense', 'hybrid']) await column(mode).locator('.hits li').first().waitFor({ timeout: 30000 });
  const boxes = await Promise.all(['bm25', 'dense', 'hybrid'].map((m) => column(m).boundingBox()));
  check(boxes[0].y === boxes[1].y && boxes[1].y === boxes[2].y && boxes[0].x < boxes[1].x && boxes[1].x < boxes[2].x, 'the three result columns are not side by side at 1280 px');
  const firstHit = await column('hybrid').locator('.hits li .muted').first().textContent();
  check(/score -?[\d.]+ · .+/.test(firstHit), `a hit does not show its score and document: ${firstHit}`);
  const counts = await Promise.all(['bm25', 'dense', 'hybrid'].map((m) => column(m).locator('.hits li').count()));
  await searchForm.getByLabel('Rerank').check();
  await searchForm.getByRole('button', { name: 'Search' }).click();
  for (const mode of ['bm25', 'dense', 'hybrid']) await column(mode).locator('.hits li').first().waitFor({ timeout: 30000 });
  check(requests.filter((r) => r.path === '/api/knowledge/search').length >= 6, 'the search did not ask the three modes twice');
  step(`search: three columns side by side (bm25 ${counts[0]}, dense ${counts[1]}, hybrid ${counts[2]} hits), first "${firstHit.trim()}", rerank too`);
  await shot('knowledge-search');

  // ---- Delete, asked first; focus on the safe choice ----
  await page.getByRole('button', { name: `Delete page-${run}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Delete page-${run}?` });
  await confirm.waitFor();
  check(await page.evaluate(() => document.activeElement?.textContent === 'Keep it'), 'the delete confirmation did not focus "Keep it"');
  await shot('knowledge-delete-confirm');
  await confirm.getByRole('button', { name: 'Yes, delete it' }).click();
  await rowOf(`page-${run}`).waitFor({ state: 'detached' });
  const gone = await page.evaluate(async ([key]) => {
    const r = await fetch('/api/documents?page_size=200', { headers: { 'X-Api-Key': key } });
    return (await r.json()).items.some((d) => d.title.startsWith('page-'));
  }, [apiKey]);
  check(!gone, 'the deleted document is still listed by the API');
  step('delete: confirmed, the row and the API entry are gone');

  // ---- Training: pick documents, parameters checked before sending, live loss chart ----
  await nav('Training').click();
  await page.getByRole('heading', { name: 'Train a model' }).waitFor();
  const stepper = page.getByRole('navigation', { name: 'Training steps' });
  check(await stepper.getByRole('button', { name: /Test/ }).isDisabled(), 'Test is open before any job');
  await page.getByRole('button', { name: 'Next: train' }).click();
  await page.getByText('document_ids pick at least one document.').waitFor();
  await page.getByRole('checkbox', { name: new RegExp(`field-guide-${run}`) }).check();
  await page.getByRole('checkbox', { name: new RegExp(`notes-${run}`) }).check();
  await shot('training-upload');
  await page.getByRole('button', { name: 'Next: train' }).click();
  const form = page.getByRole('form', { name: 'Training job' });
  await form.waitFor();
  check(await page.evaluate(() => document.activeElement?.id === 'step-heading'), 'focus did not move to the step heading');
  const name = `e2e-kb-${run}`;
  const posts = () => requests.filter((r) => r.method === 'POST' && r.path === '/api/training/jobs').length;
  await form.getByLabel('Model name').fill('Bad Name');
  await form.getByLabel('Epochs').fill('0');
  await form.getByLabel('Learning rate').fill('5');
  await form.getByRole('button', { name: 'Start training' }).click();
  await form.getByText('epochs must be between 1 and 100.').waitFor();
  await form.getByText(/^name must be 1 to 64 lowercase letters/).waitFor();
  await form.getByText('learning_rate must be between').waitFor();
  check(posts() === 0, 'an invalid training job was sent');
  await shot('training-form-errors');
  step('training form: wrong fields named before sending, nothing sent');
  await form.getByLabel('Model name').fill(name);
  // Three epochs of a 128-wide network: long enough (seconds, not a fraction of one) on a quiet machine for the
  // 250 ms progress flushes to draw the chart in several steps.
  await form.getByLabel('Epochs').fill('3');
  await form.getByLabel('Batch size').fill('4');
  await form.getByLabel('Learning rate').fill('0.02');
  await form.getByText('Model size').click();
  await form.getByLabel('Context length (characters)').fill('32');
  await form.getByLabel('Hidden size').fill('128');
  await form.getByLabel('Embedding size').fill('16');
  await form.getByRole('button', { name: 'Start training' }).click();
  await page.waitForURL(/job=[0-9a-f-]+/);
  const jobId = new URL(page.url()).searchParams.get('job');
  // Record every size the chart had, as the stream draws it.
  const chart = page.getByRole('img', { name: /^Loss per step/ });
  await chart.waitFor();
  await page.evaluate(() => {
    window.__sizes = [];
    window.__timer = setInterval(() => {
      const n = Number(document.querySelector('svg[data-points]')?.getAttribute('data-points') ?? -1);
      if (window.__sizes[window.__sizes.length - 1] !== n) window.__sizes.push(n);
    }, 20);
  });
  // Cancel asks first; keep training.
  const cancelButton = page.getByRole('button', { name: 'Cancel training' });
  if (await cancelButton.isVisible()) {
    await cancelButton.click();
    const dialog = page.getByRole('alertdialog', { name: 'Cancel this training job?' });
    await dialog.waitFor();
    check(await page.evaluate(() => document.activeElement?.textContent === 'Keep training'), 'the cancel confirmation did not focus "Keep training"');
    await dialog.getByRole('button', { name: 'Keep training' }).click();
    step('cancel: asks first, focus on "Keep training"');
  }
  await page.getByTestId('training-status').filter({ hasText: /^Completed/ }).waitFor({ timeout: 180000 });
  const sizes = await page.evaluate(() => { clearInterval(window.__timer); return window.__sizes; });
  const points = Number(await page.locator('svg[data-points]').getAttribute('data-points'));
  const holdoutPoints = Number(await page.locator('svg[data-points]').getAttribute('data-holdout-points'));
  check(points > 1 && holdoutPoints >= 1, `the chart has ${points} training and ${holdoutPoints} held-out points`);
  check(sizes.filter((n) => n > 0 && n < points).length >= 1, `the chart did not grow while training: sizes ${sizes.join(', ')}`);
  const paths = await page.locator('svg[data-points] path').evaluateAll((p) => p.map((e) => e.getAttribute('class')));
  check(paths.includes('train') && paths.includes('holdout'), `chart lines: ${paths}`);
  step(`loss chart grew live: ${sizes.filter((n) => n >= 0).join(' → ')} steps, ${holdoutPoints} held-out point(s)`);
  await shot('training-progress');

  // ---- Test: graded texts, agreement per metric ----
  await page.getByRole('button', { name: 'Next: test' }).click();
  const tests = page.getByRole('form', { name: 'Test submissions' });
  await tests.getByLabel('Graded texts').fill('80 | A fine answer.\n150 | Too high a grade.');
  await tests.getByRole('button', { name: 'Submit graded texts' }).click();
  await tests.getByText('texts[1].expected_score must be between 0 and 100 (line 2).').waitFor();
  await tests.getByLabel('Graded texts').fill([
    '80 | Rain forms when water vapour in clouds condenses into droplets that grow heavy and fall.',
    '10 | rain rain rain rain rain',
    '90 | Clouds hold tiny droplets. When they merge, they become heavy. Then they fall as rain. This happens often in spring.',
    '5 | Water.',
    '85 | The water cycle moves water from oceans to the air and back: evaporation, condensation, precipitation and collection.',
    '20 | I like turtles and the colour blue, but that has nothing to do with this question at all, really.',
    '95 | Warm air rises, cools, and its vapour condenses on dust; droplets collide, grow and fall once the updraft cannot hold them.',
  ].join('\n'));
  await tests.getByRole('button', { name: 'Submit graded texts' }).click();
  await page.getByText(/7 graded texts scored and stored/).waitFor({ timeout: 60000 });
  const agreement = page.getByRole('region', { name: 'Agreement table' });
  await agreement.waitFor();
  const best = await page.getByTestId('best-metric').textContent();
  check(/Best predictor of the people's scores: \w+_score/.test(best) && best.includes('7 graded texts'), `best metric line: ${best}`);
  const bestRows = await agreement.locator('tr.best-row').count();
  const overall = await agreement.locator('tr', { hasText: 'overall_score' }).locator('td').allTextContents();
  check(bestRows === 1, `${bestRows} rows are marked best`);
  check(/^-?\d\.\d\d \(-?\d\.\d\d to -?\d\.\d\d\)$/.test(overall[1]) && overall[3] === '7', `overall_score row: ${overall.join(' | ')}`);
  step(`agreement: ${best.trim()}; overall_score Spearman ${overall[1]}, n ${overall[3]}`);
  await shot('training-test');

  // ---- Report: figures, samples, downloads, the model in the Playground ----
  await page.getByRole('button', { name: 'Next: report' }).click();
  await page.getByRole('heading', { name: new RegExp(`^4. Report: ${name}`) }).waitFor();
  const holdoutLoss = Number(await page.getByTestId('holdout-loss').textContent());
  check(holdoutLoss > 0 && holdoutLoss < 10, `held-out loss ${holdoutLoss}`);
  const samples = await page.locator('.samples li').count();
  check(samples >= 1, 'the report shows no sample generations');
  const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML report' }).click()]);
  const htmlFile = join(output, 'training-report.html');
  await htmlDownload.saveAs(htmlFile);
  check(readFileSync(htmlFile, 'utf8').includes('<svg'), 'the HTML report has no chart');
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF report' }).click()]);
  const pdfFile = join(output, 'training-report.pdf');
  await pdfDownload.saveAs(pdfFile);
  check(readFileSync(pdfFile).subarray(0, 4).toString() === '%PDF', 'the PDF report is not a PDF');
  step(`report: held-out loss ${holdoutLoss}, ${samples} samples, HTML and PDF downloaded`);
  await shot('training-report');
  await page.getByRole('link', { name: `Try local/${name} in the Playground` }).click();
  await page.waitForURL(/\/playground\?model=/);
  await page.waitForFunction((m) => [...document.querySelectorAll('select')].some((s) => s.value === m), `local/${name}`, { timeout: 15000 });
  step(`playground opens with local/${name} selected`);

  // ---- Reports list ----
  await nav('Training reports').click();
  const jobs = page.getByRole('region', { name: 'Training jobs table' });
  const jobRow = jobs.locator('tr', { hasText: name });
  await jobRow.waitFor();
  check((await jobRow.locator('.badge').textContent()) === 'completed', 'the job is not listed as completed');
  await jobRow.getByRole('link', { name: `Open report of ${name}` }).waitFor();
  step('reports list: the job completed with its report links');
  await shot('training-reports');

  // ---- 390 px: no sideways scroll; the search columns stack ----
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = [];
  for (const [shotName, path] of [['knowledge', '/knowledge'], ['training', '/training'], ['training-job', `/training?job=${jobId}&step=train`],
    ['training-report', `/training?job=${jobId}&step=report`], ['training-reports', '/training/reports']]) {
    await page.goto(`${gateway}${path}`);
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle').catch(() => {});
    if (shotName === 'knowledge') {
      await page.getByRole('form', { name: 'Knowledge search' }).getByLabel('Query').fill('glaciers valleys');
      await page.getByRole('form', { name: 'Knowledge search' }).getByLabel('Query').press('Enter');
      for (const mode of ['bm25', 'dense', 'hybrid']) await page.locator(`.search-column[data-mode=${mode}] .hits li`).first().waitFor({ timeout: 30000 });
      const stacked = await Promise.all(['bm25', 'dense', 'hybrid'].map((m) => page.locator(`.search-column[data-mode=${m}]`).boundingBox()));
      check(stacked[0].x === stacked[1].x && stacked[0].y < stacked[1].y && stacked[1].y < stacked[2].y, 'the search columns do not stack at 390 px');
    }
    if (shotName === 'training-job') await page.locator('svg[data-points]').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${path} (${width} px)`);
    await shot(`${shotName}-390px`);
  }
  check(wide.length === 0, `pages wider than 390 px: ${wide.join(', ')}`);
  step('390 px: no page scrolls sideways; search columns stack');

  check(violations.length === 0, `axe found serious or critical violations:\n${violations.join('\n')}`);
  step('axe: 0 serious or critical violations on every page');
  check(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  step('passed');
} catch (error) {
  failed = true;
  console.error(`kb-e2e failed: ${error.stack ?? error}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
