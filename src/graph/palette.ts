// Group colours: a seeded iwanthue palette of distinct colours for the largest groups, grey for the long tail.

import iwanthue from 'iwanthue';

export const TAIL_COLOR = '#b4b4b4';
export const MAX_COLORED = 20;

export function communityPalette(count: number, seed: number): string[] {
  const colored = Math.min(count, MAX_COLORED);
  if (colored === 0) return [];
  const hues: Parameters<typeof iwanthue>[1] = {
    seed: `coauthor-graph-${seed}`, colorSpace: [0, 360, 35, 90, 40, 72], clustering: 'force-vector', quality: 50,
  };
  const palette = colored === 1 ? ['#3b6fb6'] : iwanthue(colored, hues);
  return Array.from({ length: count }, (_, i) => palette[i] ?? TAIL_COLOR);
}
