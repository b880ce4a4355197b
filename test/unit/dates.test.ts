import { describe, expect, it } from 'vitest';
import { parsePartialDate, precisionOf } from '../../functions/shared/dates.js';

describe('partial dates', () => {
  it.each([
    ['1997', 'YEAR', '1997-01-01', '1997-12-31'],
    ['2024-02', 'MONTH', '2024-02-01', '2024-02-29'],
    ['2023-02', 'MONTH', '2023-02-01', '2023-02-28'],
    ['2022-02-22', 'DAY', '2022-02-22', '2022-02-22'],
  ])('%s covers a %s from %s to %s', (value, precision, start, end) => {
    expect(parsePartialDate(value)).toEqual({ value, precision, start, end });
    expect(precisionOf(value)).toBe(precision);
  });

  it.each([
    '',
    '97',
    '2022-2',
    '2022-00',
    '2022-13',
    '2022-02-29',
    '2022-04-31',
    '2022-02-22T00:00',
    ' 2022',
    '２０２２',
  ])('refuses %j', (value) => {
    expect(parsePartialDate(value)).toHaveProperty('error');
  });
});
