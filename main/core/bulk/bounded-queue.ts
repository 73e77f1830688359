/**
 * Runs tasks with at most `limit` at once; tasks may add more while they run (a folder being
 * listed adds its files). The limit is what keeps a batch of a thousand items from becoming a
 * thousand requests at once. A task may be added to start no sooner than a given time (an item
 * waiting out Box's backoff), and the whole queue may be paused (Box's rate limit): a waiting
 * task holds no slot, so the others keep Box busy meanwhile. The queue itself never retries.
 */
export class BoundedQueue {
  readonly #limit: number;
  readonly #waiting: { task: () => Promise<void>; notBefore: number }[] = [];
  readonly #idleWaiters: (() => void)[] = [];
  #running = 0;
  #pausedUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, not ${limit}`);
    this.#limit = limit;
  }

  /** Queues a task, to start no sooner than `notBefore` (ms since the epoch); it must settle on its own errors. */
  add(task: () => Promise<void>, notBefore = 0): void {
    this.#waiting.push({ task, notBefore });
    this.#pump();
  }

  /** Starts nothing new before `until` (ms since the epoch); what runs goes on. */
  pauseUntil(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
    this.#pump();
  }

  /** Ends every wait at once (the run was stopped: what waits should now fail fast). */
  wake(): void {
    this.#pausedUntil = 0;
    for (const entry of this.#waiting) entry.notBefore = 0;
    this.#pump();
  }

  /** Resolves once nothing waits or runs. */
  whenIdle(): Promise<void> {
    if (this.#running === 0 && this.#waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #pump(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const now = Date.now();
    if (this.#pausedUntil > now) {
      if (this.#waiting.length > 0) this.#wakeAt(this.#pausedUntil);
      return;
    }
    while (this.#running < this.#limit) {
      const index = this.#waiting.findIndex((entry) => entry.notBefore <= now);
      if (index < 0) break;
      const { task } = this.#waiting.splice(index, 1)[0]!;
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
    if (this.#running < this.#limit && this.#waiting.length > 0)
      this.#wakeAt(Math.min(...this.#waiting.map((entry) => entry.notBefore)));
  }

  #wakeAt(time: number): void {
    this.#timer = setTimeout(() => this.#pump(), Math.max(0, time - Date.now()));
  }
}
