// thousands writes what toLocaleString('en-US') writes, for whole numbers and the rest.
import { describe, expect, it } from 'vitest';
import { thousands } from '../../src/corpus/thousands';

describe('thousands', () => {
  it('groups digits in threes, as en-US does', () => {
    const samples = [0, 7, 999, 1000, 12345, 999999, 1000000, 2900000, 123456789012, -1, -1234, -1234567];
    for (const n of samples) expect(thousands(n)).toBe(n.toLocaleString('en-US'));
    expect(thousands(6742869)).toBe('6,742,869');
  });

  it('leaves fractions and huge numbers to toLocaleString', () => {
    for (const n of [1234.5678, 2 ** 60, Number.NaN]) expect(thousands(n)).toBe(n.toLocaleString('en-US'));
  });
});
