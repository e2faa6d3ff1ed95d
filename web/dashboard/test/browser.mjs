// Loads the dashboard in headless Chromium against a running KPI server and compares the marketer's view with the
// API: every KPI card, change, table row, goal and alert, in English and then in Persian (right to left, Persian
// digits, Solar Hijri dates, toman), by keyboard, at desktop and phone width. Saves a screenshot of each view.
//
// Usage: node test/browser.mjs --base URL --property ID --from yyyy-MM-dd --to yyyy-MM-dd --out DIR
//            [--key KEY] [--empty-from yyyy-MM-dd --empty-to yyyy-MM-dd] [--text TEXT] [--chromium PATH]
// --text names a campaign with markup in it that the page must show as plain text.
// Exits 0 when every check passes, 1 with the failed checks listed otherwise, 2 on wrong arguments.

import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    property: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    key: { type: 'string', default: '' },
    out: { type: 'string' },
    'empty-from': { type: 'string' },
    'empty-to': { type: 'string' },
    text: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
for (const required of ['base', 'property', 'from', 'to', 'out']) {
  if (!args[required]) {
    console.error(`browser test: --${required} is required`);
    process.exit(2);
  }
}

const base = args.base.replace(/\/+$/, '');
/** States in which the page has finished drawing: the numbers, "no data yet" or an error. */
const SETTLED = 'main[data-state="ready"], main[data-state="empty"], main[data-state="error"]';
const out = resolve(args.out);
const failures = [];
let checks = 0;

function check(condition, message) {
  checks++;
  if (!condition) {
    failures.push(message);
  }
}

// Solar Hijri calendar, computed here from the first day of each year (Nowruz) so that the check does not use the
// browser's own calendar code. Months 1-6 have 31 days, 7-11 have 30.
const NOWRUZ = {
  1395: '2016-03-20', 1396: '2017-03-21', 1397: '2018-03-21', 1398: '2019-03-21', 1399: '2020-03-20',
  1400: '2021-03-21', 1401: '2022-03-21', 1402: '2023-03-21', 1403: '2024-03-20', 1404: '2025-03-21',
  1405: '2026-03-21', 1406: '2027-03-21',
};
const PERSIAN_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی',
  'بهمن', 'اسفند'];

function persianDigits(text) {
  return String(text).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);
}

function jalali(isoDay) {
  const day = Date.parse(`${isoDay}T00:00:00Z`);
  const year = Object.keys(NOWRUZ).map(Number).filter((y) => Date.parse(`${NOWRUZ[y]}T00:00:00Z`) <= day).pop();
  if (!year) {
    throw new Error(`${isoDay} is outside the Nowruz table of this test`);
  }
  let offset = Math.round((day - Date.parse(`${NOWRUZ[year]}T00:00:00Z`)) / 86400000);
  let month = 0;
  while (offset >= (month < 6 ? 31 : 30)) {
    offset -= month < 6 ? 31 : 30;
    month++;
  }
  return `${persianDigits(offset + 1)} ${PERSIAN_MONTHS[month]} ${persianDigits(year)}`;
}

/**
 * Reads a number back from what the page shows, in either language, and the precision it was shown with.
 * Returns {value, step}: percentages as fractions, toman as rials, minutes and seconds as seconds.
 */
function readShown(text) {
  let plain = text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)))
    .replace(/٫/g, '.').replace(/[٬,]/g, '').replace(/\u2212/g, '-');
  const duration = plain.match(/(?:(\d+)(?:m| دقیقه و) )?(\d+)(?:s| ثانیه)/);
  if (duration) {
    return { value: Number(duration[1] || 0) * 60 + Number(duration[2]), step: 1 };
  }
  const number = plain.match(/[-+]?\d+(?:\.(\d+))?/);
  if (!number) {
    return null;
  }
  const decimals = number[1] ? number[1].length : 0;
  let value = Number(number[0]);
  let step = 10 ** -decimals;
  if (/[%٪]/.test(plain) && !/pp|واحد درصد/.test(plain)) {
    value /= 100;
    step /= 100;
  }
  if (plain.includes('تومان')) {
    value *= 10;
    step *= 10;
  }
  return { value, step };
}

function sameShown(text, expected, what) {
  const shown = readShown(text);
  const ok = shown !== null && Math.abs(shown.value - Number(expected)) <= shown.step / 2 + 1e-9;
  check(ok, `${what}: shows '${text}', the API says ${expected}`);
}

async function api(method, path, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (args.key) {
    headers.Authorization = `Bearer ${args.key}`;
  }
  const response = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

async function expected() {
  const range = { property: args.property, from: args.from, to: args.to };
  const [definitions, overview, channels, campaigns, alerts] = await Promise.all([
    api('GET', '/kpis'),
    api('POST', '/snapshot', { ...range, compare: ['previous_period'] }),
    api('POST', '/snapshot', { ...range, groupBy: 'channel_group' }),
    api('POST', '/snapshot', { ...range, groupBy: 'campaign' }),
    api('POST', '/alerts', { property: args.property, limit: 20, readKey: args.key || undefined }),
  ]);
  return { definitions: new Map(definitions.map((d) => [d.id, d])), overview, channels, campaigns, alerts };
}

/** Compares the cards, tables, goals and alerts on the page with the API's numbers, in the page's language. */
async function compareWithApi(page, data, lang) {
  const cards = await page.$$eval('[data-kpi-card]', (nodes) => nodes.map((node) => ({
    id: node.dataset.kpiCard,
    name: node.querySelector('.kpi-name').textContent,
    value: node.querySelector('.kpi-value').textContent,
    change: node.querySelector('.kpi-change').textContent,
    description: node.querySelector('.kpi-description').textContent,
  })));
  check(cards.length >= 10, `${lang}: ${cards.length} KPI cards, expected at least 10`);
  const changes = data.overview.comparisons[0].kpis;
  for (const card of cards) {
    const definition = data.definitions.get(card.id);
    const paid = data.overview.paid && !data.overview.kpis[card.id];
    const kpi = paid ? data.overview.paid.kpis[card.id] : data.overview.kpis[card.id];
    check(card.name === (lang === 'fa' ? definition.nameFa : definition.name), `${lang} ${card.id}: name '${card.name}'`);
    check(card.description === (lang === 'fa' ? definition.descriptionFa : definition.definition),
      `${lang} ${card.id}: description '${card.description}'`);
    if (kpi.value === undefined || kpi.value === null) {
      check(card.value === '—' || kpi.byCurrency, `${lang} ${card.id}: no value, shows '${card.value}'`);
      continue;
    }
    sameShown(card.value, kpi.value, `${lang} ${card.id} value`);
    const change = paid ? null : changes[card.id];
    if (change && change.percentagePoints !== undefined && kpi.unit === 'ratio') {
      sameShown(card.change, change.percentagePoints, `${lang} ${card.id} change in points`);
    } else if (change && change.relative !== undefined && change.relative !== null) {
      sameShown(card.change, change.relative, `${lang} ${card.id} change`);
    }
  }

  for (const [table, snapshot] of [['channels', data.channels], ['campaigns', data.campaigns]]) {
    const rows = await page.$$eval(`#${table} tbody tr[data-key]`, (nodes) => nodes.map((node) => ({
      key: node.dataset.key,
      sessions: node.querySelector('td[data-kpi="sessions"]').textContent,
      conversions: node.querySelector('td[data-kpi="conversions"]').textContent,
      revenue: node.querySelector('td[data-kpi="revenue"]').textContent,
    })));
    check(JSON.stringify(rows.map((row) => row.key)) === JSON.stringify(snapshot.groups.map((g) => g.key)),
      `${lang} ${table}: rows ${rows.map((row) => row.key)} against ${snapshot.groups.map((g) => g.key)}`);
    rows.forEach((row, i) => {
      sameShown(row.sessions, snapshot.groups[i].kpis.sessions.value, `${lang} ${table} ${row.key} sessions`);
      const kpis = snapshot.groups[i].kpis;
      sameShown(row.conversions, kpis.conversions.value, `${lang} ${table} ${row.key} conversions`);
      sameShown(row.revenue, kpis.revenue.value, `${lang} ${table} ${row.key} revenue`);
    });
  }

  const goals = await page.$$eval('[data-goal-id]', (nodes) => nodes.map((node) => ({
    id: node.dataset.goalId,
    status: node.dataset.status,
    bar: Number(node.querySelector('progress').value),
    share: node.querySelector('.goal-share').textContent,
    current: node.querySelector('.goal-numbers dd').textContent,
  })));
  const reports = data.overview.goals || [];
  check(goals.length === reports.length, `${lang}: ${goals.length} goals shown, the API has ${reports.length}`);
  for (const report of reports) {
    const goal = goals.find((shown) => shown.id === report.goal.id);
    if (!goal) {
      continue;
    }
    check(goal.status === (report.progress.status || 'none'),
      `${lang} goal ${goal.id}: status ${goal.status}, the API says ${JSON.stringify(report.progress)}`);
    if (report.progress.shareDone === undefined) {
      check(goal.bar === 0 && goal.share === '—', `${lang} goal ${goal.id}: no share, shows '${goal.share}'`);
    } else {
      check(Math.abs(goal.bar - Math.min(Number(report.progress.shareDone), 1)) < 1e-9,
        `${lang} goal ${goal.id}: bar ${goal.bar} against ${report.progress.shareDone}`);
      sameShown(goal.share, report.progress.shareDone, `${lang} goal ${goal.id} share`);
    }
    sameShown(goal.current, report.progress.current, `${lang} goal ${goal.id} current`);
  }

  const alerts = await page.$$eval('#alerts li[data-rule]', (nodes) => nodes.map((node) => node.dataset.rule));
  check(JSON.stringify(alerts) === JSON.stringify(data.alerts.map((alert) => alert.rule)),
    `${lang} alerts: ${alerts} against ${data.alerts.map((alert) => alert.rule)}`);

  const trendRows = await page.$$eval('#trend-table tbody tr', (nodes) => nodes.length);
  check(trendRows > 0, `${lang}: the trend table has no rows`);
}

async function noHorizontalScroll(page, what) {
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(widths[0] <= widths[1], `${what}: the page is ${widths[0]} px wide in a ${widths[1]} px window`);
}

async function run() {
  await mkdir(out, { recursive: true });
  const data = await expected();
  const browser = await chromium.launch({
    executablePath: args.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const outside = [];
  const consoleErrors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    // The page must load nothing from another origin: every such request is refused and counted.
    await context.route('**/*', (route) => {
      if (!route.request().url().startsWith(base)) {
        outside.push(route.request().url());
        return route.abort();
      }
      return route.continue();
    });
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('dialog', (dialog) => {
      consoleErrors.push(`a dialog opened: ${dialog.message()}`);
      return dialog.dismiss();
    });

    const query = new URLSearchParams({ property: args.property, from: args.from, to: args.to, lang: 'en' });
    await page.goto(`${base}/dashboard/?${query}${args.key ? `#key=${encodeURIComponent(args.key)}` : ''}`);
    await page.waitForSelector(SETTLED, { state: 'attached', timeout: 30000 });
    const state = await page.getAttribute('main', 'data-state');
    check(state === 'ready', `the page is '${state}': ${await page.textContent('#status')}`);
    check(!page.url().includes('#key='), 'the read key stays in the address bar');

    check(await page.getAttribute('html', 'dir') === 'ltr', 'English is left to right');
    if (args.text) {
      const keys = await page.$$eval('#campaigns tbody tr[data-key] th', (nodes) => nodes.map((n) => n.textContent));
      check(keys.includes(args.text), `the campaign '${args.text}' is shown as text: ${keys}`);
      check(await page.$$eval('main img', (nodes) => nodes.length) === 0, 'a campaign name made no element');
    }
    const periodEn = await page.textContent('#period');
    check(periodEn.includes(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
      .format(new Date(`${args.from}T00:00:00Z`))), `English period '${periodEn}' shows the Gregorian first day`);
    await compareWithApi(page, data, 'en');
    await page.screenshot({ path: join(out, 'dashboard-en.png'), fullPage: true });

    // To Persian by keyboard: Tab from the top of the page to the language button, then Enter.
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    let tabs = 0;
    while (tabs < 10 && await page.evaluate(() => document.activeElement && document.activeElement.id) !== 'language') {
      await page.keyboard.press('Tab');
      tabs++;
    }
    check(tabs < 10, 'the language button is reachable with Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'fa');

    check(await page.getAttribute('html', 'dir') === 'rtl', 'Persian is right to left');
    const cardTexts = await page.$$eval('[data-kpi-card] .kpi-value', (nodes) => nodes.map((n) => n.textContent));
    check(cardTexts.every((text) => !/[0-9]/.test(text)), `Persian cards use Persian digits: ${cardTexts}`);
    check(cardTexts.some((text) => /[۰-۹]/.test(text)), 'Persian cards show Persian digits');
    const periodFa = await page.textContent('#period');
    check(periodFa.includes(jalali(args.from)) && periodFa.includes(jalali(args.to)),
      `Persian period '${periodFa}' shows ${jalali(args.from)} and ${jalali(args.to)}`);
    const revenue = data.overview.kpis.revenue;
    if (revenue.currency === 'IRR') {
      const shown = await page.textContent('[data-kpi-card="revenue"] .kpi-value');
      check(shown.endsWith('تومان'), `rial revenue is shown in toman: '${shown}'`);
    }
    await compareWithApi(page, data, 'fa');
    await page.screenshot({ path: join(out, 'dashboard-fa.png'), fullPage: true });
    await noHorizontalScroll(page, 'Persian at desktop width');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await noHorizontalScroll(page, 'Persian at phone width');
    await page.screenshot({ path: join(out, 'dashboard-fa-phone.png'), fullPage: true });

    if (args['empty-from'] && args['empty-to']) {
      const empty = new URLSearchParams({ property: args.property, from: args['empty-from'], to: args['empty-to'] });
      await page.goto(`${base}/dashboard/?${empty}`);
      await page.waitForSelector(SETTLED, { state: 'attached', timeout: 30000 });
      check(await page.getAttribute('main', 'data-state') === 'empty', 'a period without events shows "no data yet"');
      check(await page.isVisible('#empty'), 'the "no data yet" panel is visible');
      await page.screenshot({ path: join(out, 'dashboard-fa-empty.png'), fullPage: true });
    }
    // An unknown property gets the server's own sentence, not a bare status. The browser logs the 404 responses
    // themselves as errors, which are expected here.
    const errorsBefore = consoleErrors.length;
    const unknown = new URLSearchParams({ property: 'G-NOSUCHPROPERTY', from: args.from, to: args.to, lang: 'en' });
    await page.goto(`${base}/dashboard/?${unknown}`);
    await page.waitForSelector(SETTLED, { state: 'attached', timeout: 30000 });
    const status = await page.textContent('#status');
    check(await page.getAttribute('main', 'data-state') === 'error' && status.includes('not registered'),
      `an unknown property shows the server's error: '${status}'`);
    consoleErrors.splice(errorsBefore);
  } finally {
    await browser.close();
  }
  check(outside.length === 0, `the page asked other origins: ${outside.join(', ')}`);
  check(consoleErrors.length === 0, `the page logged errors: ${consoleErrors.join(' | ')}`);
}

try {
  await run();
} catch (e) {
  failures.push(`the test stopped: ${e.stack || e.message}`);
}
if (failures.length > 0) {
  console.error(`browser test: ${failures.length} failed after ${checks} checks:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log(`browser test: ${checks} checks passed; screenshots in ${out}`);
