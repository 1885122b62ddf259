// Whole numbers with thousands separators ("12,345"), as toLocaleString('en-US') writes them, without the 30 ms that
// loading the locale data takes on its first call (a small build's every stage note would pay it).

export function thousands(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
