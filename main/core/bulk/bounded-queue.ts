/**
 * Runs tasks with at most `limit` at once; tasks may add more while they run (a folder being
 * listed adds its files). Waiting on Box — a `429`'s `retry-after`, a 5xx backoff — happens inside
 * each task's Box call, in the Box client's retry policy (`box-client/retry-policy.ts`), so a slot
 * that waits is a slot that does not ask Box: the limit is what keeps a batch of a thousand items
 * from becoming a thousand requests at once. The queue itself never retries.
 */
export class BoundedQueue {
  readonly #limit: number;
  readonly #waiting: (() => Promise<void>)[] = [];
  readonly #idleWaiters: (() => void)[] = [];
  #running = 0;

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, not ${limit}`);
    this.#limit = limit;
  }

  /** Queues a task; it must settle on its own errors (a rejection is swallowed here). */
  add(task: () => Promise<void>): void {
    this.#waiting.push(task);
    this.#pump();
  }

  /** Resolves once nothing waits or runs. */
  whenIdle(): Promise<void> {
    if (this.#running === 0 && this.#waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #pump(): void {
    while (this.#running < this.#limit && this.#waiting.length > 0) {
      const task = this.#waiting.shift()!;
      this.#running += 1;
      void task()
        .catch(() => undefined)
        .finally(() => {
          this.#running -= 1;
          this.#pump();
          if (this.#running === 0 && this.#waiting.length === 0)
            for (const resolve of this.#idleWaiters.splice(0)) resolve();
        });
    }
  }
}
