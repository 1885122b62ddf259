// Uncounted arrays: large ones live on shared memory in Node, small ones as usual; both behave as plain typed arrays.
import { describe, expect, it } from 'vitest';
import { copyOf, collectDead, countArrays, float64s, int32s, int8s, uint8s } from '../../src/compact/uncounted';

const MB = 2 ** 20;

describe('uncounted arrays', () => {
  it('make arrays of a megabyte or more on shared memory, smaller ones on a plain buffer', () => {
    expect(int32s(MB / 4).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(float64s(MB / 8).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(uint8s(MB).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(int8s(MB).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(int32s(MB / 4 - 1).buffer).toBeInstanceOf(ArrayBuffer);
    expect(uint8s(10).buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('are zero-filled, of the asked length and type', () => {
    for (const n of [0, 5, MB / 2, MB]) {
      const a = int32s(n); const f = float64s(n); const b = uint8s(n); const s = int8s(n);
      expect([a.length, f.length, b.length, s.length]).toEqual([n, n, n, n]);
      expect([a, f, b, s].every((x) => x.every((v) => v === 0))).toBe(true);
      const kinds = [a, f, b, s].map((x) => x.constructor.name);
      expect(kinds).toEqual(['Int32Array', 'Float64Array', 'Uint8Array', 'Int8Array']);
    }
  });

  it('copy a range as slice does, large or small, and the copy is its own', () => {
    const big = int32s(MB); // 4 MB
    for (let i = 0; i < big.length; i++) big[i] = (i * 2654435761) | 0;
    const part = copyOf(big, 10, MB - 3);
    expect(part.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(part.subarray(0, 5))).toEqual(Array.from(big.slice(10, 15)));
    expect(part.length).toBe(MB - 13);
    expect(part[part.length - 1]).toBe(big[MB - 4]);
    part[0] = 7;
    expect(big[10]).not.toBe(7);
    const small = Float64Array.from([1.5, -2, 3]);
    expect(Array.from(copyOf(small, 1))).toEqual([-2, 3]);
    expect(copyOf(small).buffer).toBeInstanceOf(ArrayBuffer);
    expect(copyOf(small, 2, 1).length).toBe(0);
  });

  it('asks for a collection only when a quarter gigabyte or more has died, and only where it can ask', () => {
    const g = globalThis as { gc?: () => void };
    const before = g.gc;
    try {
      delete g.gc;
      expect(() => collectDead(2 ** 40)).not.toThrow();
      let calls = 0;
      g.gc = () => { calls++; };
      collectDead(256 * MB - 1);
      expect(calls).toBe(0);
      collectDead(256 * MB);
      expect(calls).toBe(1);
    } finally {
      g.gc = before;
    }
  });
});

describe('countArrays (worker threads)', () => {
  it('makes even large arrays the counted kind from then on, in this thread', () => {
    countArrays();
    expect(int32s(MB).buffer).toBeInstanceOf(ArrayBuffer);
    expect(copyOf(Int32Array.from({ length: MB }, (_, i) => i), 1).buffer).toBeInstanceOf(ArrayBuffer);
  });
});
