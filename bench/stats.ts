/** Small numeric helpers for the benchmark. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const kb = (bytes: number) => round(bytes / 1024, 1);

/**
 * Unmeasured warm-up turns, then `rounds` turns through the sides, each going first in turn (so that none always
 * follows another's garbage); the median time of each side.
 */
export async function takeTurns(sides: (() => Promise<number>)[], rounds: number, warmUp: number): Promise<number[]> {
  const times: number[][] = sides.map(() => []);
  for (let i = 0; i < warmUp; i++) for (const side of sides) await side();
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < sides.length; k++) {
      const which = (i + k) % sides.length;
      times[which].push(await sides[which]());
    }
  }
  return times.map(median);
}
