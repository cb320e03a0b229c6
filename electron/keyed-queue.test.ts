import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue';

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('KeyedQueue', () => {
  it('runs tasks of one key in call order, even when an earlier one is slower', async () => {
    const queue = new KeyedQueue();
    const finished: string[] = [];
    await Promise.all([
      queue.run('a', async () => (await wait(30), finished.push('slow first'))),
      queue.run('a', async () => void finished.push('fast second')),
    ]);
    expect(finished).toEqual(['slow first', 'fast second']);
  });

  it('runs tasks of different keys side by side', async () => {
    const queue = new KeyedQueue();
    const finished: string[] = [];
    await Promise.all([
      queue.run('a', async () => (await wait(30), finished.push('a'))),
      queue.run('b', async () => void finished.push('b')),
    ]);
    expect(finished).toEqual(['b', 'a']);
  });

  it('goes on after a failed task, which still rejects for its caller', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', async () => {
      throw new Error('no');
    });
    const next = queue.run('a', async () => 'ran');
    await expect(failed).rejects.toThrow('no');
    await expect(next).resolves.toBe('ran');
    await expect(queue.settled('a')).resolves.toBeUndefined();
  });
});
