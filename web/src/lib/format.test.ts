import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  parseDisplayDate,
  parseMoney,
  parseTime,
  todayVn,
  toVnIso,
} from './format.ts';

describe('format', () => {
  it('shows dates as dd/mm/yyyy', () => {
    expect(formatDate('2026-11-27')).toBe('27/11/2026');
    expect(formatDate(null)).toBe('');
  });

  it('shows instants in Vietnam time, 24h, whatever the offset of the input', () => {
    expect(formatDateTime('2026-11-27T17:00:00+07:00')).toBe('27/11/2026 17:00');
    expect(formatDateTime('2026-11-27T10:00:00Z')).toBe('27/11/2026 17:00');
    expect(formatDateTime('2026-12-31T20:30:00Z')).toBe('01/01/2027 03:30');
  });

  it('shows money in đồng with dots', () => {
    expect(formatMoney(1250000)).toBe('1.250.000 đ');
    expect(formatMoney(0)).toBe('0 đ');
    expect(formatMoney(999)).toBe('999 đ');
  });

  it('parses typed dates and rejects impossible ones', () => {
    expect(parseDisplayDate('1/7/2025')).toBe('2025-07-01');
    expect(parseDisplayDate('2025-07-01')).toBe('2025-07-01');
    expect(parseDisplayDate('30/02/2026')).toBeNull();
    expect(parseDisplayDate('abc')).toBeNull();
  });

  it('parses 24h times', () => {
    expect(parseTime('7:30')).toBe('07:30');
    expect(parseTime('24:00')).toBeNull();
    expect(toVnIso('2026-11-27', '07:30')).toBe('2026-11-27T07:30:00+07:00');
  });

  it('knows the Vietnamese date at UTC midnight crossings', () => {
    expect(todayVn(Date.parse('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
  });
});

describe('parseMoney', () => {
  it('reads Vietnamese thousands separators and a currency suffix', () => {
    expect(parseMoney('50.000')).toBe(50_000);
    expect(parseMoney('1.250.000 đ')).toBe(1_250_000);
    expect(parseMoney('1 250 000')).toBe(1_250_000);
    expect(parseMoney('0')).toBe(0);
  });
  it('refuses what is not a whole number of đồng', () => {
    expect(parseMoney('12,5')).toBeNaN();
    expect(parseMoney('-5')).toBeNaN();
    expect(parseMoney('abc')).toBeNaN();
  });
});
