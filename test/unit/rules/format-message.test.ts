import { expect, test } from 'vitest';
import { formatMessage } from '../../../src/core/rules/rule.js';

const INTEGER = new Intl.NumberFormat('en-US');
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

test('numbers in messages are written as en-US writes them (grouped integers, at most two decimals)', () => {
  const values = [0, -0, 1, -1, 7, 12, 999, 1000, -1000, 1024, 10_240, 65_535, 999_999, 1_000_000, -1_234_567, 2 ** 31, Number.MAX_SAFE_INTEGER];
  values.push(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 1e21, -1e22, 0.5, 1.005, 1234.5678, -0.001, NaN, Infinity, -Infinity);
  for (let i = 0; i < 2000; i++) values.push(Math.round((i * 7919) ** 1.7) * (i % 3 === 0 ? -1 : 1));
  for (const value of values) {
    const expected = Number.isInteger(value) ? INTEGER.format(value) : DECIMAL.format(value);
    expect(formatMessage('n={{n}}.', { n: value }), String(value)).toBe(`n=${expected}.`);
  }
});

test('placeholders are filled from the data, unknown ones left as written', () => {
  expect(formatMessage('{{a}} and {{ b }} but {{c}}', { a: 'x', b: 1500 })).toBe('x and 1,500 but {{c}}');
});
