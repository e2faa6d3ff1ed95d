// Formatting of numbers, money, changes and dates in each language. The functions are pure, so the unit tests and
// the browser test can check them without a page.

/** Intl locales: Persian gets Persian digits and separators, and the Solar Hijri calendar for dates. */
const LOCALES = {
  fa: { numbers: 'fa-IR', dates: 'fa-IR-u-ca-persian' },
  en: { numbers: 'en-US', dates: 'en-US' },
};

/** Ratios that read better as a multiple (2.13×) than as a percentage (213 %). */
const MULTIPLES = new Set(['roas', 'platform_roas', 'clv_to_cac']);

/** Iranian rial: prices in Iran are spoken and written in toman, and 1 toman = 10 rials. */
const RIALS_PER_TOMAN = 10;

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

function numbers(lang, options) {
  return new Intl.NumberFormat(LOCALES[lang].numbers, options);
}

/** Formats a whole count: 1,830 or ۱٬۸۳۰. */
export function formatCount(value, lang) {
  return numbers(lang, { maximumFractionDigits: 0 }).format(value);
}

/** Formats a ratio as a percentage with one decimal (58.0%), or as a multiple for return ratios (2.13×). */
export function formatRatio(value, lang, kpiId) {
  if (MULTIPLES.has(kpiId)) {
    return numbers(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value) + '×';
  }
  return numbers(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/**
 * Formats an amount of money. Rials are shown in Persian as whole toman, the unit shoppers and marketers in Iran
 * use (12,345 تومان for 123,450 IRR). Every other currency, and rials in English, keep their ISO code or symbol.
 */
export function formatMoney(value, currency, lang) {
  if (!currency) {
    return numbers(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  }
  if (currency === 'IRR' && lang === 'fa') {
    return numbers(lang, { maximumFractionDigits: 0 }).format(value / RIALS_PER_TOMAN) + ' تومان';
  }
  return numbers(lang, { style: 'currency', currency, currencyDisplay: 'symbol' }).format(value);
}

/** Formats a duration in seconds as minutes and seconds: 5m 14s, or ۵ دقیقه و ۱۴ ثانیه. */
export function formatSeconds(value, lang) {
  const total = Math.round(value);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const count = (n) => formatCount(n, lang);
  if (lang === 'fa') {
    return minutes > 0 ? `${count(minutes)} دقیقه و ${count(seconds)} ثانیه` : `${count(seconds)} ثانیه`;
  }
  return minutes > 0 ? `${count(minutes)}m ${count(seconds)}s` : `${count(seconds)}s`;
}

/** Formats a KPI value as the API returns it ({value, unit, currency}), or returns null when it has none. */
export function formatKpi(kpiId, kpi, lang) {
  if (!kpi || kpi.value === null || kpi.value === undefined) {
    return null;
  }
  const value = Number(kpi.value);
  switch (kpi.unit) {
    case 'ratio':
      return formatRatio(value, lang, kpiId);
    case 'currency':
      return formatMoney(value, kpi.currency, lang);
    case 'seconds':
      return formatSeconds(value, lang);
    default:
      return formatCount(value, lang);
  }
}

/**
 * Formats the change of a KPI against a base period: relative for counts and money (+27.9%), percentage points
 * for ratios (+12.7 pp), as the API computes them. Returns null when the API gave no change.
 */
export function formatChange(change, unit, lang) {
  if (!change) {
    return null;
  }
  const signed = { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 };
  if (unit === 'ratio' && change.percentagePoints !== undefined && change.percentagePoints !== null) {
    const points = numbers(lang, signed).format(Number(change.percentagePoints));
    return lang === 'fa' ? `${points} واحد درصد` : `${points} pp`;
  }
  if (change.relative === undefined || change.relative === null) {
    return null;
  }
  return numbers(lang, { ...signed, style: 'percent' }).format(Number(change.relative));
}

/** Classifies a change as good, bad or flat for a KPI whose better direction is 'higher' or 'lower'. */
export function changeTone(change, better) {
  const amount = change && change.absolute !== undefined && change.absolute !== null ? Number(change.absolute) : 0;
  if (amount === 0) {
    return 'flat';
  }
  const up = amount > 0;
  return up === (better !== 'lower') ? 'good' : 'bad';
}

/**
 * Formats a calendar day given as yyyy-MM-dd: Solar Hijri in Persian (۱۰ مرداد ۱۳۹۶), Gregorian in English
 * (Aug 1, 2017). The day is read as a date without a time, so no time zone can move it to the day before.
 */
export function formatDay(isoDay, lang, style = 'medium') {
  const [year, month, day] = isoDay.split('-').map(Number);
  const instant = new Date(Date.UTC(year, month - 1, day));
  return new Intl.DateTimeFormat(LOCALES[lang].dates, { dateStyle: style, timeZone: 'UTC' }).format(instant);
}

/** Formats a week's Monday (yyyy-MM-dd) or a month (yyyy-MM) as a chart label. */
export function formatPeriodKey(key, groupBy, lang) {
  if (groupBy === 'month') {
    const [year, month] = key.split('-').map(Number);
    const options = { year: 'numeric', month: 'short', timeZone: 'UTC' };
    if (lang === 'fa') {
      // A Gregorian month spans two Solar Hijri months, so it is named by its first day.
      return formatDay(`${key}-01`, lang, 'medium');
    }
    return new Intl.DateTimeFormat(LOCALES.en.dates, options).format(new Date(Date.UTC(year, month - 1, 1)));
  }
  return formatDay(key, lang, 'medium');
}

/** Formats an instant (ISO-8601) as a date and time in the viewer's own zone. */
export function formatInstant(iso, lang) {
  return new Intl.DateTimeFormat(LOCALES[lang].dates, { dateStyle: 'medium', timeStyle: 'short' })
    .format(new Date(iso));
}

/** Turns Persian and Arabic-Indic digits into ASCII digits, for reading back what the page shows. */
export function toAsciiDigits(text) {
  return [...text].map((c) => {
    const persian = PERSIAN_DIGITS.indexOf(c);
    if (persian >= 0) {
      return String(persian);
    }
    const arabic = ARABIC_INDIC_DIGITS.indexOf(c);
    return arabic >= 0 ? String(arabic) : c;
  }).join('');
}
