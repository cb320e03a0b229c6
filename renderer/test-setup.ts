import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor wait for a state; their own 1 s limit raced the clock instead. A dialog loaded on first use
// took longer than that on a loaded machine. They now give up only just before the test's own budget (20 s, see
// vitest.config.ts), still early enough to say which element they were waiting for.
configure({ asyncUtilTimeout: 15_000 });

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
});

// happy-dom lays nothing out, so every box is 0 px tall. The bucket table draws only the rows that fit its
// scrolling box: give that box the height of a window (about 16 rows), as a real one has.
export const TABLE_VIEW_HEIGHT = 600;
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.classList.contains('table-scroll') ? TABLE_VIEW_HEIGHT : 0;
  },
});
