/**
 * A gate holds the emulator's answer to some requests until the test lets it go. "Not yet" is then a state the
 * test chose, not a bet on how long a latency lasts on a busy machine: the test waits until a request is held,
 * asserts what the client shows meanwhile, and releases it when it is ready for the answer.
 *
 * A held request whose client gives up (closes the connection) is dropped and counted, so a test can prove that a
 * client really cancels; closing the emulator ends every held request, so nothing waits forever.
 */

/** How a held request ended: answered after a release, or its connection closed first. */
export type HeldOutcome = 'released' | 'closed';

/** What tests get back from `emulator.faults.gate(…)`. */
export interface Gate {
  /** Resolves once `n` matching requests in all have arrived and been held (1 by default). */
  arrived(n?: number): Promise<void>;
  /** Requests that arrived at this gate so far, held now or not. */
  arrivedCount(): number;
  /** Requests held now: arrived, neither released nor closed. */
  heldCount(): number;
  /** Lets the `n` longest-held requests go on (1 by default); fails if fewer are held. */
  release(n?: number): void;
  /** Lets every request held now go on; later matches are held again. Returns how many went. */
  releaseAll(): number;
  /** Lets every held request go on and holds nothing from now on. */
  open(): void;
  /** Held requests whose client closed the connection before they were released. */
  closedCount(): number;
  /** Resolves once `n` held requests in all were closed by their client (1 by default). */
  closed(n?: number): Promise<void>;
}

/** One request as the gate sees it; the server answers it once `outcome` settles. */
export interface Held {
  outcome: Promise<HeldOutcome>;
}

interface Waiter {
  n: number;
  count: () => number;
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Entry {
  settle: (outcome: HeldOutcome) => void;
}

export class RequestGate implements Gate {
  #arrived = 0;
  #closed = 0;
  #open = false;
  #shut = false;
  readonly #held: Entry[] = [];
  #waiters: Waiter[] = [];

  constructor(private readonly description: string) {}

  /** Whether requests matched from now on are held (an opened gate lets them through uncounted). */
  get holding(): boolean {
    return !this.#open && !this.#shut;
  }

  /**
   * Holds one request. `onClose` registers the listener for its connection closing; the emulator's own close()
   * ends held requests too, but those are not counted as closed by the client.
   */
  hold(onClose: (listener: () => void) => void): Held {
    let settle!: (outcome: HeldOutcome) => void;
    const outcome = new Promise<HeldOutcome>((resolve) => (settle = resolve));
    const entry: Entry = { settle };
    this.#held.push(entry);
    this.#arrived += 1;
    onClose(() => {
      const at = this.#held.indexOf(entry);
      if (at < 0) return; // Released already: the answer was on its way.
      this.#held.splice(at, 1);
      if (!this.#shut) this.#closed += 1;
      settle('closed');
      // Waiters hear of it once the server has finished with the request (its log entry written).
      setImmediate(() => this.#wake());
    });
    this.#wake();
    return { outcome };
  }

  arrived(n = 1): Promise<void> {
    return this.#waitFor(n, () => this.#arrived);
  }

  arrivedCount(): number {
    return this.#arrived;
  }

  heldCount(): number {
    return this.#held.length;
  }

  release(n = 1): void {
    if (this.#held.length < n) {
      throw new Error(
        `${this.description}: ${n} to release but ${this.#held.length} held; await gate.arrived() first.`,
      );
    }
    for (const entry of this.#held.splice(0, n)) entry.settle('released');
  }

  releaseAll(): number {
    const count = this.#held.length;
    this.release(count);
    return count;
  }

  open(): void {
    this.#open = true;
    this.releaseAll();
  }

  closedCount(): number {
    return this.#closed;
  }

  closed(n = 1): Promise<void> {
    return this.#waitFor(n, () => this.#closed);
  }

  /** The emulator is closing: held requests end unanswered with their connections, and nobody waits for more. */
  shut(): void {
    this.#shut = true;
    for (const entry of this.#held.splice(0)) entry.settle('closed');
    const error = new Error(`${this.description}: the emulator closed before this was reached.`);
    for (const waiter of this.#waiters) waiter.reject(error);
    this.#waiters = [];
  }

  #waitFor(n: number, count: () => number): Promise<void> {
    if (!Number.isInteger(n) || n < 1) throw new Error(`${this.description}: wait for a whole number from 1, not ${n}.`);
    if (count() >= n) return Promise.resolve();
    if (this.#shut) return Promise.reject(new Error(`${this.description}: the emulator is closed.`));
    return new Promise((resolve, reject) => this.#waiters.push({ n, count, resolve, reject }));
  }

  #wake(): void {
    this.#waiters = this.#waiters.filter((waiter) => {
      if (waiter.count() < waiter.n) return true;
      waiter.resolve();
      return false;
    });
  }
}
