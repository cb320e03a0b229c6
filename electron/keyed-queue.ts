/**
 * Runs tasks one after another per key, in call order, and tasks of different keys side by side. A failed task
 * does not stop the ones queued behind it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const next = this.settled(key).then(task);
    this.tails.set(key, next);
    const forget = () => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    };
    next.then(forget, forget);
    return next;
  }

  /** Resolves once every task queued so far for `key` has finished, whatever its outcome. */
  settled(key: string): Promise<void> {
    return (this.tails.get(key) ?? Promise.resolve()).then(
      () => undefined,
      () => undefined,
    );
  }
}
