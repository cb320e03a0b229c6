/**
 * COS orders bucket names and markers by their UTF-8 bytes. That is code point order, which JavaScript's
 * UTF-16 comparison matches except around surrogates: they encode code points above U+FFFF yet sort below
 * U+E000–U+FFFF. Ranking each code unit fixes that without encoding the strings.
 */
function rank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

export function compareUtf8(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}

/** Index of the first name strictly after `marker` in a list sorted by compareUtf8. */
export function indexAfter(sorted: readonly { name: string }[], marker: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareUtf8(sorted[mid].name, marker) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
