// The time-series chart (Chart.js, bundled into the page) and the table of the same numbers for keyboard and
// screen-reader users.

import {
  CategoryScale, Chart, Filler, LineController, LineElement, LinearScale, PointElement, Tooltip,
} from 'chart.js';
import { el, fill } from './dom.js';
import { TEXT, kpiName } from './i18n.js';
import { formatKpi, formatPeriodKey } from './format.js';
import { kpiText } from './render.js';

Chart.register(CategoryScale, LinearScale, LineController, LineElement, PointElement, Filler, Tooltip);
// The page's own font, so that Persian labels on the canvas look like the rest of the page.
Chart.defaults.font.family = 'Vazirmatn, Tahoma, sans-serif';

/** KPIs offered in the chart's menu. */
export const TREND_KPIS = ['sessions', 'users', 'conversions', 'revenue', 'engagement_rate',
  'session_conversion_rate'];

/** Days up to which the chart shows days; longer periods show weeks, and beyond half a year, months. */
const MAX_DAILY_POINTS = 45;
const MAX_WEEKLY_DAYS = 190;

let chart = null;

/** Returns the grouping of the time series for a period of this many days. */
export function seriesGrouping(days) {
  if (days <= MAX_DAILY_POINTS) {
    return 'date';
  }
  return days <= MAX_WEEKLY_DAYS ? 'week' : 'month';
}

function groupingLabel(groupBy, lang) {
  const t = TEXT[lang];
  if (groupBy === 'date') {
    return t.byDay;
  }
  return groupBy === 'week' ? t.byWeek : t.byMonth;
}

/** Fills the KPI menu, keeping the chosen KPI. */
export function renderTrendMenu(definitions, lang, chosen) {
  const select = document.getElementById('trend-kpi');
  select.replaceChildren(...TREND_KPIS.map((id) =>
    el('option', { value: id, selected: id === chosen }, kpiName(definitions.get(id), lang))));
}

/**
 * Lists every period key from the range's first to its last day: days, ISO weeks keyed by their Monday, or months.
 * The API lists only periods with sessions, so a period without any would otherwise vanish from the chart.
 */
export function periodKeys(from, to, groupBy) {
  const day = 24 * 60 * 60 * 1000;
  const end = Date.parse(`${to}T00:00:00Z`);
  let time = Date.parse(`${from}T00:00:00Z`);
  if (groupBy === 'week') {
    // ISO weeks start on Monday; getUTCDay() counts from Sunday.
    time -= ((new Date(time).getUTCDay() + 6) % 7) * day;
  }
  const keys = [];
  while (time <= end) {
    const date = new Date(time);
    keys.push(groupBy === 'month' ? date.toISOString().slice(0, 7) : date.toISOString().slice(0, 10));
    if (groupBy === 'month') {
      time = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    } else {
      time += (groupBy === 'week' ? 7 : 1) * day;
    }
  }
  return keys;
}

/** Draws the chosen KPI over the series snapshot's groups, and the table beside it. */
export function renderTrend(series, kpiId, definitions, lang) {
  const byKey = new Map((series.groups || []).map((group) => [group.key, group]));
  const sums = ['count', 'currency'].includes(series.kpis[kpiId] && series.kpis[kpiId].unit);
  // A period without sessions has no group: sums are zero there, rates have no value.
  const groups = periodKeys(series.from, series.to, series.groupBy).map((key) => byKey.get(key)
    || { key, kpis: { [kpiId]: sums ? { value: 0, unit: series.kpis[kpiId].unit } : { value: null } } });
  const labels = groups.map((group) => formatPeriodKey(group.key, series.groupBy, lang));
  const sample = groups.map((group) => group.kpis[kpiId]).find((kpi) => kpi && kpi.unit);
  // Days without revenue carry no currency, so the currency of the range's revenue is used. Amounts in several
  // currencies are never drawn on one line: the chart shows the range's first currency, the table every amount.
  const total = series.kpis[kpiId] || {};
  const currency = total.currency || (total.byCurrency && Object.keys(total.byCurrency)[0])
    || (series.kpis.revenue && series.kpis.revenue.currency);
  const values = groups.map((group) => {
    const kpi = group.kpis[kpiId];
    if (!kpi || kpi.value === null || kpi.value === undefined) {
      return null;
    }
    return kpi.currency && currency && kpi.currency !== currency ? null : Number(kpi.value);
  });
  const format = (value) => formatKpi(kpiId, { ...(sample || {}), currency, value }, lang) || String(value);
  const name = kpiName(definitions.get(kpiId), lang);
  const rtl = lang === 'fa';

  document.getElementById('trend-grouping').textContent = groupingLabel(series.groupBy, lang);
  const canvas = document.getElementById('trend-chart');
  canvas.setAttribute('aria-label', `${name}, ${groupingLabel(series.groupBy, lang)}`);
  if (chart) {
    chart.destroy();
  }
  chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: [{
        label: name,
        data: values,
        borderColor: '#1f6feb',
        backgroundColor: 'rgba(31, 111, 235, 0.12)',
        fill: true,
        // Monotone curves never swing above or below the points they join.
        cubicInterpolationMode: 'monotone',
        spanGaps: false,
        pointRadius: groups.length > 60 ? 0 : 2,
      }],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      locale: rtl ? 'fa-IR' : 'en-US',
      // Right to left in Persian: time runs from right to left and the value axis is on the right.
      scales: {
        x: { reverse: rtl, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        y: {
          position: rtl ? 'right' : 'left',
          beginAtZero: true,
          // Counts step by whole numbers, so no two ticks round to the same label.
          ticks: { callback: format, precision: sample && sample.unit === 'count' ? 0 : undefined },
        },
      },
      plugins: {
        tooltip: { rtl, callbacks: { label: (item) => `${name}: ${format(item.raw)}` } },
      },
    },
  });

  const t = TEXT[lang];
  fill('trend-table',
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t.period), el('th', { scope: 'col' }, name))),
    el('tbody', {}, groups.map((group, i) => el('tr', { dataset: { key: group.key } },
      el('th', { scope: 'row' }, labels[i]),
      el('td', { dataset: { kpi: kpiId, value: values[i] } }, kpiText(kpiId, group.kpis[kpiId], lang, currency))))));
}
