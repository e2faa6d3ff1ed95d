// How the page writes numbers, money, changes and dates, with values worked out by hand.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  changeTone, formatChange, formatCount, formatDay, formatKpi, formatMoney, formatPeriodKey, formatRatio,
  formatSeconds, toAsciiDigits,
} from '../../src/format.js';

test('counts use Persian digits and the Persian thousands separator', () => {
  assert.equal(formatCount(1830, 'fa'), '۱٬۸۳۰');
  assert.equal(formatCount(1830, 'en'), '1,830');
});

test('ratios are percentages with one decimal, return ratios are multiples', () => {
  assert.equal(formatRatio(0.58, 'en', 'engagement_rate'), '58.0%');
  assert.equal(formatRatio(0.58, 'fa', 'engagement_rate'), '۵۸٫۰٪');
  assert.equal(formatRatio(2.12766, 'en', 'roas'), '2.13×');
  assert.equal(formatRatio(2.12766, 'fa', 'roas'), '۲٫۱۳×');
});

test('rials are shown in Persian as whole toman, 10 rials to the toman', () => {
  assert.equal(formatMoney(1234550, 'IRR', 'fa'), '۱۲۳٬۴۵۵ تومان');
  assert.equal(formatMoney(15, 'IRR', 'fa'), '۲ تومان', '1.5 toman rounds half up to 2');
  assert.match(formatMoney(1234550, 'IRR', 'en'), /^IRR\s1,234,550$/);
});

test('other currencies keep their symbol in both languages', () => {
  assert.equal(formatMoney(652.09, 'USD', 'en'), '$652.09');
  assert.equal(toAsciiDigits(formatMoney(652.09, 'USD', 'fa')).replace(/\u200e/g, ''), '$652٫09');
  assert.equal(formatMoney(5, undefined, 'en'), '5.00');
});

test('durations are minutes and seconds', () => {
  assert.equal(formatSeconds(313.521, 'en'), '5m 14s');
  assert.equal(formatSeconds(313.521, 'fa'), '۵ دقیقه و ۱۴ ثانیه');
  assert.equal(formatSeconds(42.4, 'en'), '42s');
});

test('a KPI without a value is shown as missing, not as zero', () => {
  assert.equal(formatKpi('aov', { unit: 'currency', reason: 'no transactions' }, 'en'), null);
  assert.equal(formatKpi('sessions', { value: 0, unit: 'count' }, 'en'), '0');
});

test('changes are relative for counts and in percentage points for ratios', () => {
  assert.equal(formatChange({ relative: 0.279412, absolute: 19 }, 'count', 'en'), '+27.9%');
  assert.equal(formatChange({ relative: 0.279413, percentagePoints: 12.6667, absolute: 0.126667 }, 'ratio', 'en'),
    '+12.7 pp');
  assert.equal(formatChange({ percentagePoints: -12.6667, absolute: -0.126667 }, 'ratio', 'fa'),
    '‎−۱۲٫۷ واحد درصد');
  assert.equal(formatChange({ absolute: 5, reason: 'the base is zero' }, 'count', 'en'), null);
  assert.equal(formatChange({ relative: 0, absolute: 0 }, 'count', 'en'), '0.0%');
});

test('a change is good or bad by the KPI\'s better direction', () => {
  assert.equal(changeTone({ absolute: 3 }, 'higher'), 'good');
  assert.equal(changeTone({ absolute: 3 }, 'lower'), 'bad');
  assert.equal(changeTone({ absolute: -0.12 }, 'lower'), 'good');
  assert.equal(changeTone({ absolute: 0 }, 'higher'), 'flat');
});

test('days use the calendar of the language', () => {
  // 1 Farvardin 1396 was 21 March 2017. 1 August 2017 is 133 = 4 × 31 + 9 days later, so it is 10 Mordad 1396.
  assert.equal(formatDay('2017-08-01', 'fa'), '۱۰ مرداد ۱۳۹۶');
  assert.equal(formatDay('2017-03-21', 'fa'), '۱ فروردین ۱۳۹۶');
  // 1395 began on 20 March 2016 and lasted 366 days, so its last month, Esfand, had 30 days.
  assert.equal(formatDay('2017-03-20', 'fa'), '۳۰ اسفند ۱۳۹۵');
  assert.equal(formatDay('2017-08-01', 'en'), 'Aug 1, 2017');
});

test('months are named in English and by their first day in Persian', () => {
  assert.equal(formatPeriodKey('2017-08', 'month', 'en'), 'Aug 2017');
  assert.equal(formatPeriodKey('2017-08', 'month', 'fa'), '۱۰ مرداد ۱۳۹۶');
  assert.equal(formatPeriodKey('2017-07-31', 'week', 'en'), 'Jul 31, 2017');
});

test('Persian and Arabic-Indic digits read back as ASCII digits', () => {
  assert.equal(toAsciiDigits('۱۲۳٬۴۵۵ تومان'), '123٬455 تومان');
  assert.equal(toAsciiDigits('٤٥'), '45');
});
