// Drawing of each section of the dashboard from the API's responses, in one language.

import { el, fill } from './dom.js';
import { TEXT, kpiDescription, kpiName } from './i18n.js';
import { changeTone, formatChange, formatCount, formatDay, formatInstant, formatKpi, formatRatio } from './format.js';

/** The cards a marketer reads first: traffic, engagement, conversions and money. */
export const HEADLINE_KPIS = [
  'sessions', 'users', 'engagement_rate', 'conversions', 'session_conversion_rate', 'revenue', 'aov',
  'bounce_rate', 'average_engagement_time', 'return_rate',
];

/** The paid-media cards, shown when the period has imported ad spend. */
export const PAID_KPIS = ['cost', 'clicks', 'ctr', 'cpc', 'cpa', 'roas', 'cac', 'clv_to_cac'];

/** Columns of the channel and campaign tables. */
export const TABLE_KPIS = ['sessions', 'engagement_rate', 'conversions', 'session_conversion_rate', 'revenue'];

/** Names of the ad platforms as the API identifies them; an unknown id is shown as sent. */
const PLATFORM_NAMES = { GOOGLE_ADS: 'Google Ads', META_ADS: 'Meta Ads' };

/** Columns of the paid campaign table. */
export const PAID_TABLE_KPIS = ['cost', 'clicks', 'ctr', 'cpa', 'roas'];

/**
 * Formats a KPI value as text. Amounts in several currencies, which are never added up, are listed side by side.
 * Returns the placeholder when the API gave no value.
 */
export function kpiText(id, kpi, lang, currency) {
  // A sum of nothing carries no currency of its own; it is shown in the currency of the range's revenue.
  const withCurrency = kpi && kpi.unit === 'currency' && !kpi.currency && currency ? { ...kpi, currency } : kpi;
  const shown = formatKpi(id, withCurrency, lang);
  if (shown !== null) {
    return shown;
  }
  if (kpi && kpi.byCurrency) {
    return Object.entries(kpi.byCurrency)
      .map(([currency, value]) => formatKpi(id, { ...kpi, value, currency }, lang))
      .join(' · ');
  }
  return TEXT[lang].noValue;
}

function valueCell(id, kpi, lang, currency) {
  return el('td', { dataset: { kpi: id, value: kpi ? kpi.value : null }, title: kpi && kpi.reason },
    kpiText(id, kpi, lang, currency));
}

/**
 * Returns the currency of the range's revenue, for amounts that carry none: the revenue's own, else the first of
 * several, else that of the ad spend.
 */
function mainCurrency(snapshot) {
  const revenue = snapshot.kpis.revenue || {};
  if (revenue.currency) {
    return revenue.currency;
  }
  if (revenue.byCurrency) {
    return Object.keys(revenue.byCurrency)[0];
  }
  const cost = snapshot.paid && snapshot.paid.kpis.cost;
  return cost ? cost.currency || (cost.byCurrency && Object.keys(cost.byCurrency)[0]) : undefined;
}

function card(id, kpi, change, definitions, lang, currency) {
  const definition = definitions.get(id);
  const changeText = formatChange(change, kpi ? kpi.unit : null, lang);
  const tone = changeText === null ? 'none' : changeTone(change, definition.better);
  return el('article', { className: 'card', dataset: { kpiCard: id, value: kpi ? kpi.value : null } },
    el('h3', { className: 'kpi-name' }, kpiName(definition, lang)),
    el('p', { className: 'kpi-value', title: kpi && kpi.reason }, kpiText(id, kpi, lang, currency)),
    el('p', {
      className: `kpi-change ${tone}`,
      title: change && change.reason,
      dataset: {
        relative: change ? change.relative : null,
        points: change ? change.percentagePoints : null,
      },
    }, changeText === null ? TEXT[lang].noChange : changeText),
    el('p', { className: 'kpi-description' }, kpiDescription(definition, lang)));
}

/** Draws the period line: the range, the base period it is compared with, and the time zone. */
export function renderPeriod(snapshot, lang) {
  const t = TEXT[lang];
  const base = snapshot.comparisons && snapshot.comparisons[0];
  fill('period',
    el('span', { dataset: { from: snapshot.from, to: snapshot.to } },
      `${t.period}: ${formatDay(snapshot.from, lang)} – ${formatDay(snapshot.to, lang)}`),
    base ? el('span', { dataset: { baseFrom: base.from, baseTo: base.to } },
      ` · ${t.comparedWith} ${formatDay(base.from, lang)} – ${formatDay(base.to, lang)}`) : null,
    el('span', {}, ` · ${t.timeZone}: `, el('bdi', {}, snapshot.timeZone)));
}

export function renderCards(snapshot, definitions, lang) {
  const changes = snapshot.comparisons && snapshot.comparisons[0] ? snapshot.comparisons[0].kpis : {};
  fill('cards', HEADLINE_KPIS.map((id) => card(id, snapshot.kpis[id], changes[id], definitions, lang,
    mainCurrency(snapshot))));
}

export function renderPaid(snapshot, definitions, lang) {
  const section = document.getElementById('paid-section');
  section.hidden = !snapshot.paid;
  if (!snapshot.paid) {
    return;
  }
  const warnings = (snapshot.paid.warnings || []).map((warning) =>
    el('p', { className: 'warning', role: 'note', dataset: { warning } }, TEXT[lang].warnings[warning] || warning));
  fill('paid-warnings', warnings);
  fill('paid-cards', PAID_KPIS.map((id) => card(id, snapshot.paid.kpis[id], null, definitions, lang)));
}

function headerRow(firstColumn, ids, definitions, lang, extra = []) {
  return el('tr', {},
    el('th', { scope: 'col' }, firstColumn),
    extra.map((name) => el('th', { scope: 'col' }, name)),
    ids.map((id) => el('th', { scope: 'col', dataset: { kpi: id } }, kpiName(definitions.get(id), lang))));
}

/** Draws a table of KPIs per group (channel or campaign), largest first as the API sorts them. */
export function renderGroupTable(tableId, firstColumn, snapshot, definitions, lang, emptyText) {
  const groups = snapshot.groups || [];
  const total = Number(snapshot.kpis.sessions.value);
  const rows = groups.map((group) => el('tr', { dataset: { key: group.key } },
    el('th', { scope: 'row' }, el('bdi', {}, group.key)),
    el('td', { dataset: { share: total > 0 ? Number(group.kpis.sessions.value) / total : null } },
      total > 0 ? formatRatio(Number(group.kpis.sessions.value) / total, lang) : TEXT[lang].noValue),
    TABLE_KPIS.map((id) => valueCell(id, group.kpis[id], lang, mainCurrency(snapshot)))));
  fill(tableId,
    el('thead', {}, headerRow(firstColumn, TABLE_KPIS, definitions, lang, [TEXT[lang].share])),
    el('tbody', {}, rows.length > 0 ? rows
      : el('tr', {}, el('td', { colspan: TABLE_KPIS.length + 2, className: 'empty-row' }, emptyText))));
}

/** Draws cost and return per campaign from the imported ad spend. */
export function renderPaidCampaigns(snapshot, definitions, lang) {
  const wrapper = document.getElementById('paid-campaigns-wrapper');
  const byCampaign = snapshot.paid ? snapshot.paid.byCampaign || [] : [];
  wrapper.hidden = byCampaign.length === 0;
  const t = TEXT[lang];
  fill('paid-campaigns',
    el('thead', {}, headerRow(t.campaign, PAID_TABLE_KPIS, definitions, lang, [t.platform])),
    el('tbody', {}, byCampaign.map((group) => el('tr', { dataset: { key: group.campaign, platform: group.platform } },
      el('th', { scope: 'row' }, el('bdi', {}, group.campaign)),
      el('td', {}, el('bdi', {}, PLATFORM_NAMES[group.platform] || group.platform)),
      PAID_TABLE_KPIS.map((id) => valueCell(id, group.kpis[id], lang))))));
}

/** Draws the goals active in the period, each with a progress bar and its status. */
export function renderGoals(snapshot, definitions, lang) {
  const t = TEXT[lang];
  const reports = snapshot.goals || [];
  if (reports.length === 0) {
    fill('goals', el('p', { className: 'muted' }, t.noGoals));
    return;
  }
  const currency = mainCurrency(snapshot);
  fill('goals', reports.map(({ goal, progress }) => {
    const definition = definitions.get(goal.kpi);
    // Item KPIs (item_revenue, items_purchased) have no definition of their own, so the name gives the unit.
    const unit = definition ? definition.unit : goal.kpi.endsWith('revenue') ? 'currency' : 'count';
    const amount = (value) => value === null || value === undefined ? t.noValue
      : formatKpi(goal.kpi, { value, unit, currency }, lang);
    const share = progress.shareDone === null || progress.shareDone === undefined ? null : Number(progress.shareDone);
    // Without a status the API gives the reason, such as a relative target over a zero baseline, and the card shows it.
    const status = progress.status || 'none';
    return el('article', { className: 'goal', dataset: { goalId: goal.id, status } },
      el('div', { className: 'goal-head' },
        el('h3', {}, el('bdi', {}, goal.name)),
        el('span', { className: `badge ${status}`, title: progress.reason }, t.status[status] || t.noValue)),
      progress.reason ? el('p', { className: 'warning' }, progress.reason) : null,
      el('p', { className: 'muted' }, definition ? kpiName(definition, lang) : goal.kpi, ' · ',
        `${t.goalDeadline}: ${formatDay(goal.deadline, lang)}`),
      el('label', { className: 'goal-bar' },
        el('span', { className: 'visually-hidden' }, `${t.goalProgress}: ${goal.name}`),
        el('progress', { max: 1, value: share === null ? 0 : Math.min(share, 1) }),
        el('span', { className: 'goal-share', dataset: { share } },
          share === null ? t.noValue : formatRatio(share, lang))),
      el('dl', { className: 'goal-numbers' },
        el('div', {}, el('dt', {}, t.goalCurrent), el('dd', { dataset: { value: progress.current } },
          amount(progress.current))),
        el('div', {}, el('dt', {}, t.goalTarget), el('dd', { dataset: { value: progress.target } },
          amount(progress.target))),
        el('div', {}, el('dt', {}, t.goalExpected), el('dd', { dataset: { value: progress.expectedByToday } },
          amount(progress.expectedByToday)))));
  }));
}

/** Draws the newest alerts, or the error that kept them from being read. */
export function renderAlerts(alerts, lang) {
  const t = TEXT[lang];
  if (alerts instanceof Error) {
    fill('alerts', el('p', { className: 'warning', role: 'note' }, alerts.message));
    return;
  }
  if (alerts.length === 0) {
    fill('alerts', el('p', { className: 'muted' }, t.noAlerts));
    return;
  }
  fill('alerts', el('ul', { className: 'alert-list' }, alerts.map((alert) =>
    el('li', { dataset: { rule: alert.rule, day: alert.day, scope: alert.scope } },
      el('time', { datetime: alert.day }, formatDay(alert.day, lang)),
      ' ',
      el('span', {}, isolated(lang === 'fa' && alert.messageFa ? alert.messageFa : alert.message, alert.scope))))));
}

/**
 * Wraps the campaign name of a campaign alert in <bdi>, so that direction marks in the name (such as U+202E) stay
 * inside it and cannot reorder the rest of the sentence.
 */
function isolated(message, scope) {
  const name = scope && scope.startsWith('campaign:') ? scope.slice('campaign:'.length) : '';
  if (!name || !message.includes(name)) {
    return message;
  }
  return message.split(name).flatMap((part, i) => (i === 0 ? [part] : [el('bdi', {}, name), part]));
}

/**
 * Draws the line under the page: when the numbers were computed, from how many events, and from how many days'
 * stored summaries (daily rollups), which the server reads in place of those days' events.
 */
export function renderFooter(snapshot, lang) {
  const t = TEXT[lang];
  const rollups = snapshot.rollupDays ? ` · ${t.rollupDays}: ${formatCount(snapshot.rollupDays, lang)}` : '';
  fill('computed',
    `${t.computedAt}: ${formatInstant(snapshot.computedAt, lang)} · ${t.eventsRead}: `
      + formatCount(snapshot.eventsRead, lang) + rollups);
}
