// The dashboard page: reads the property and period from the address, requests the numbers from the read API
// once, and draws them in Persian or English. Switching the language redraws from the same responses.

import { Api, ApiError, loadConfig } from './api.js';
import { formatDay } from './format.js';
import { TEXT } from './i18n.js';
import {
  renderAlerts, renderCards, renderFooter, renderGoals, renderGroupTable, renderPaid, renderPaidCampaigns,
  renderPeriod,
} from './render.js';
import { renderTrend, renderTrendMenu, seriesGrouping } from './trend.js';

const LANGUAGES = ['fa', 'en'];
const ALERTS_SHOWN = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

const state = {
  lang: initialLanguage(),
  trendKpi: 'sessions',
  data: null,
  // Numbers each load, so that a slow response to an older query never replaces a newer one.
  loads: 0,
};

function initialLanguage() {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (LANGUAGES.includes(asked)) {
    return asked;
  }
  const saved = window.localStorage.getItem('dashboard.lang');
  // The dashboard's first users work in Persian, so Persian is the default.
  return LANGUAGES.includes(saved) ? saved : 'fa';
}

/**
 * Reads the read key from the address's fragment (#key=…), which browsers never send to a server, or else from the
 * tab's session storage.
 */
function initialKey() {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const key = fragment.get('key');
  if (key) {
    window.sessionStorage.setItem('dashboard.key', key);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return key;
  }
  return window.sessionStorage.getItem('dashboard.key') || '';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Formats an instant as the browser's own calendar day (not the UTC day), yyyy-MM-dd. */
function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Returns a day given in the address, or null when it is not a real yyyy-MM-dd day. */
function dayParam(value) {
  return value && ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
}

function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Sets the words of the page's own controls and the direction of the whole document. */
function applyLanguage() {
  const t = TEXT[state.lang];
  const root = document.documentElement;
  root.lang = state.lang;
  root.dir = state.lang === 'fa' ? 'rtl' : 'ltr';
  document.title = t.title;
  for (const node of document.querySelectorAll('[data-text]')) {
    node.textContent = t[node.dataset.text];
  }
  const toggle = document.getElementById('language');
  toggle.textContent = t.switchTo;
  toggle.setAttribute('aria-label', t.switchLabel);
  toggle.setAttribute('lang', state.lang === 'fa' ? 'en' : 'fa');
  if (document.getElementById('main').dataset.state === 'loading') {
    document.getElementById('status').textContent = t.loading;
  }
  updateCalendarHints();
}

/** Writes each date field's day in the Solar Hijri calendar below it in Persian, because the fields are Gregorian. */
function updateCalendarHints() {
  const form = document.getElementById('query');
  for (const hint of document.querySelectorAll('[data-hint-for]')) {
    const value = form[hint.dataset.hintFor].value;
    hint.textContent = state.lang === 'fa' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value, 'fa', 'long') : '';
  }
}

function setState(name, message) {
  const main = document.getElementById('main');
  main.dataset.state = name;
  document.getElementById('status').textContent = message || '';
  document.getElementById('content').hidden = name !== 'ready';
  document.getElementById('details').hidden = name !== 'ready';
  document.getElementById('empty').hidden = name !== 'empty';
  document.getElementById('side').hidden = name !== 'ready' && name !== 'empty';
}

function render() {
  applyLanguage();
  const data = state.data;
  if (!data) {
    return;
  }
  const lang = state.lang;
  const t = TEXT[lang];

  renderPeriod(data.overview, lang);
  renderFooter(data.overview, lang);
  renderGoals(data.overview, data.definitions, lang);
  renderAlerts(data.alerts, lang);
  if (Number(data.overview.kpis.sessions.value) === 0) {
    // The panel explains the state, so the status line stays empty and the words do not show twice.
    setState('empty', '');
    return;
  }
  renderCards(data.overview, data.definitions, lang);
  renderPaid(data.overview, data.definitions, lang);
  renderTrendMenu(data.definitions, lang, state.trendKpi);
  renderTrend(data.series, state.trendKpi, data.definitions, lang);
  renderGroupTable('channels', t.channel, data.channels, data.definitions, lang, t.noValue);
  renderGroupTable('campaigns', t.campaign, data.campaigns, data.definitions, lang, t.noCampaigns);
  renderPaidCampaigns(data.overview, data.definitions, lang);
  setState('ready', '');
}

async function load(query) {
  const loadId = ++state.loads;
  const t = TEXT[state.lang];
  setState('loading', t.loading);
  const config = await loadConfig();
  const api = new Api(config.apiBaseUrl, query.key);
  const range = { property: query.property, from: query.from, to: query.to };
  try {
    const [definitions, overview, series, channels, campaigns, alerts] = await Promise.all([
      api.definitions(),
      api.snapshot({ ...range, compare: ['previous_period'] }),
      api.snapshot({ ...range, groupBy: seriesGrouping(daysBetween(query.from, query.to)) }),
      api.snapshot({ ...range, groupBy: 'channel_group' }),
      api.snapshot({ ...range, groupBy: 'campaign' }),
      // Alerts are a side panel. When they cannot be read, the panel shows the error and the numbers still show.
      api.alerts(query.property, ALERTS_SHOWN).catch((e) => e),
    ]);
    if (loadId !== state.loads) {
      // A later query started while this one ran, and its response is the one to show.
      return;
    }
    state.data = {
      definitions: new Map(definitions.map((definition) => [definition.id, definition])),
      overview, series, channels, campaigns, alerts,
    };
    render();
  } catch (e) {
    if (loadId !== state.loads) {
      return;
    }
    state.data = null;
    document.getElementById('period').replaceChildren();
    document.getElementById('computed').replaceChildren();
    const where = e instanceof ApiError && e.field ? ` (${e.field})` : '';
    setState('error', `${TEXT[state.lang].errorTitle}: ${e.message}${where}`);
  }
}

/** Reads the form, puts the query in the address (without the key) and loads it. */
function submit(event) {
  if (event) {
    event.preventDefault();
  }
  const form = document.getElementById('query');
  form.property.value = form.property.value.trim();
  form.to.setCustomValidity(form.from.value && form.to.value && form.to.value < form.from.value
    ? TEXT[state.lang].toBeforeFrom : '');
  const query = {
    property: form.property.value.trim(),
    from: form.from.value,
    to: form.to.value,
    key: form.key.value,
  };
  if (!form.reportValidity()) {
    return;
  }
  if (query.key) {
    window.sessionStorage.setItem('dashboard.key', query.key);
  } else {
    window.sessionStorage.removeItem('dashboard.key');
  }
  const params = new URLSearchParams({ property: query.property, from: query.from, to: query.to, lang: state.lang });
  history.replaceState(null, '', `${window.location.pathname}?${params}`);
  load(query);
}

/** Sets the form to the last {@code days} days up to yesterday, the last complete day. */
function preset(days) {
  const form = document.getElementById('query');
  const now = new Date();
  form.to.value = isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  form.from.value = isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days));
  submit();
}

function switchLanguage() {
  state.lang = state.lang === 'fa' ? 'en' : 'fa';
  window.localStorage.setItem('dashboard.lang', state.lang);
  const params = new URLSearchParams(window.location.search);
  params.set('lang', state.lang);
  history.replaceState(null, '', `${window.location.pathname}?${params}`);
  if (state.data) {
    render();
  } else {
    applyLanguage();
  }
}

function start() {
  const params = new URLSearchParams(window.location.search);
  const form = document.getElementById('query');
  // The handler comes first, so that an error below cannot leave the browser to submit the form itself, which
  // would put the read key into the address.
  form.addEventListener('submit', submit);
  form.property.value = params.get('property') || '';
  form.key.value = initialKey();
  const now = new Date();
  const to = dayParam(params.get('to')) || isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  form.to.value = to;
  form.from.value = dayParam(params.get('from'))
    || new Date(Date.parse(`${to}T00:00:00Z`) - 27 * DAY_MS).toISOString().slice(0, 10);

  form.from.addEventListener('change', updateCalendarHints);
  form.to.addEventListener('change', updateCalendarHints);
  document.getElementById('language').addEventListener('click', switchLanguage);
  for (const button of document.querySelectorAll('[data-preset]')) {
    button.addEventListener('click', () => preset(Number(button.dataset.preset)));
  }
  document.getElementById('trend-kpi').addEventListener('change', (event) => {
    state.trendKpi = event.target.value;
    renderTrend(state.data.series, state.trendKpi, state.data.definitions, state.lang);
  });

  applyLanguage();
  if (form.property.value) {
    submit();
  } else {
    setState('idle', '');
    form.property.focus();
  }
}

start();
