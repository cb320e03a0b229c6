import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MULTIPART_SIZE, MAX_PARTS, MAX_PART_SIZE, MIB, MIN_PART_SIZE, partRange, planParts } from './part-plan';

describe('planParts', () => {
  it('covers every byte once, in at most 10,000 parts of 1 MB to 5 GB (the last may be smaller)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MULTIPART_SIZE }), fc.integer({ min: 1, max: 64 }), (size, preferredMib) => {
        const plan = planParts(size, preferredMib * MIB)!;
        expect(plan.count).toBeLessThanOrEqual(MAX_PARTS);
        expect(plan.partSize).toBeGreaterThanOrEqual(MIN_PART_SIZE);
        expect(plan.partSize).toBeLessThanOrEqual(MAX_PART_SIZE);
        const first = partRange(plan, size, 1);
        const last = partRange(plan, size, plan.count);
        expect(first.start).toBe(0);
        expect(last.end).toBe(size);
        if (plan.count > 1) {
          expect(partRange(plan, size, plan.count - 1).end).toBe(last.start);
          expect(last.end - last.start).toBeGreaterThan(0);
        }
        // The preferred size is kept whenever 10,000 parts of it hold the file.
        if (preferredMib * MIB * MAX_PARTS >= size) expect(plan.partSize).toBe(preferredMib * MIB);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what no multipart upload can hold', () => {
    expect(planParts(MAX_MULTIPART_SIZE + 1)).toBeUndefined();
    expect(planParts(-1)).toBeUndefined();
  });
});
