import { describe, expect, it } from 'vitest';
import { formatRemaining, fromLocalInput, toLocalInput } from './expiry';

describe('formatRemaining', () => {
  it.each([
    [3 * 86_400_000 + 5 * 3_600_000, '3 d 5 h'],
    [2 * 3_600_000 + 7 * 60_000 + 59_000, '2 h 07 min'],
    [61_000, '1 min 01 s'],
    [59_001, '60 s'],
    [1, '1 s'],
    [0, '0 s'],
    [-5000, '0 s'],
  ])('%i ms left reads %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});

describe('the expiry field', () => {
  it('turns the local time typed into the instant it means, and back', () => {
    const iso = fromLocalInput('2031-04-05T06:07');
    expect(iso).toBe(new Date(2031, 3, 5, 6, 7).toISOString());
    expect(toLocalInput(iso)).toBe('2031-04-05T06:07');
  });

  it.each(['', 'tomorrow', '2031-13-45', '2031-04-05'])('gives nothing for %j', (value) => {
    expect(fromLocalInput(value)).toBeUndefined();
  });

  it('shows nothing for a missing or broken instant', () => {
    expect(toLocalInput(undefined)).toBe('');
    expect(toLocalInput('not a date')).toBe('');
  });
});
