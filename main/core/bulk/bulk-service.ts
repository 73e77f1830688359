import type { BulkItem, BulkSnapshot } from '../../../common/bulk.ts';
import type { BoxService } from '../box/box-service.ts';
import { boxRetryPolicy, type RetryLimits } from '../box-client/retry-policy.ts';
import { appError } from '../errors/error-catalog.ts';
import type { CoreEventBus } from '../ipc/event-bus.ts';
import type { BoxTransferClient } from '../transfers/box-transfer-client.ts';
import { cancelledError } from '../transfers/transfer-errors.ts';
import { BatchClashChoice, type AskBulkClash } from './batch-clash-choice.ts';
import { BoundedQueue } from './bounded-queue.ts';
import { BulkJob, type BulkSpec, type BulkUnit } from './bulk-job.ts';
import { nextTryOf } from './bulk-retry.ts';
import { runUnit } from './bulk-unit-work.ts';

export interface BulkServiceOptions {
  /** The signed-in user's Box service (null once signed out). */
  box: () => BoxService | null;
  transfers: BoxTransferClient;
  events: Pick<CoreEventBus, 'emit'>;
  askClash: AskBulkClash;
  /** Box calls of one run in flight at once. */
  parallelism?: number;
  /**
   * How the run tries a unit again after a `429` or 5xx; the policy's bulk limits by default. With
   * `callerSchedulesTransient` (as `box` must be built) the run waits, not the Box call.
   */
  retryLimits?: RetryLimits;
  /** Least time between two `bulk:changed` snapshots of a run. */
  progressIntervalMs?: number;
}

/** Box calls of one run at once: enough to hide Box's latency, few enough to stay clear of its per-user rate limit. */
export const defaultBulkParallelism = 8;
/** Finished runs kept for "Retry the N that failed" and "Undo". */
const keptRuns = 20;

/**
 * Bulk actions on a selection — delete, move, copy, download (folders recursively), and the
 * restore that undoes a delete — each run with bounded parallelism, reported per item, and
 * retried on request for exactly the items that failed.
 */
export class BulkService {
  readonly #options: BulkServiceOptions;
  readonly #jobs = new Map<string, { job: BulkJob; finished: Promise<BulkSnapshot> }>();

  constructor(options: BulkServiceOptions) {
    this.#options = options;
  }

  start(spec: BulkSpec, items: readonly BulkItem[]): BulkSnapshot {
    return this.#run(
      spec,
      items.map((item) => (spec.destination === undefined ? { item } : { item, localDir: spec.destination })),
    );
  }

  /** A new run over the items that failed (for a download, the very files, into the same local folders). */
  retryFailed(jobId: string): BulkSnapshot {
    const { job } = this.#entry(jobId);
    return this.#run(job.spec, [...job.failedUnits.values()]);
  }

  /** Takes the items a delete run trashed back out of the trash, to where they were. */
  undoDelete(jobId: string): BulkSnapshot {
    const { job } = this.#entry(jobId);
    if (job.spec.action !== 'delete') throw appError('invalid_request', 'malformed', { channel: 'bulk:undoDelete' });
    return this.#run(
      { action: 'restore' },
      job.doneUnits.map(({ item }) => ({ item })),
    );
  }

  /**
   * Stops a run: calls in flight finish (Box acts on them anyway), what waits or has not started
   * is listed as cancelled, and "Retry" runs exactly those. A finished run is left as it is.
   */
  stop(jobId: string): void {
    const { job } = this.#entry(jobId);
    if (job.snapshot.state === 'finished') return;
    job.snapshot.stopped = true;
    job.controller.abort(cancelledError(''));
  }

  /** The run's final snapshot (tests, and the handlers' callers that wait). */
  finished(jobId: string): Promise<BulkSnapshot> {
    return this.#entry(jobId).finished;
  }

  /** Stops every run (sign-out): what has not started is listed as cancelled. */
  async dispose(): Promise<void> {
    const running = [...this.#jobs.values()];
    for (const { job } of running) job.controller.abort(cancelledError(''));
    await Promise.all(running.map(({ finished }) => finished));
    this.#jobs.clear();
  }

  #entry(jobId: string) {
    const entry = this.#jobs.get(jobId);
    if (!entry) throw appError('invalid_request', 'bulk_gone');
    return entry;
  }

  #run(spec: BulkSpec, units: BulkUnit[]): BulkSnapshot {
    const box = this.#options.box();
    if (!box) throw appError('not_signed_in', 'browse');
    const job = new BulkJob(spec, units.length, this.#options.events, this.#options.progressIntervalMs ?? 100);
    const { signal } = job.controller;
    const queue = new BoundedQueue(this.#options.parallelism ?? defaultBulkParallelism);
    const clash = new BatchClashChoice(this.#options.askClash, (name) => ({
      jobId: job.id,
      action: spec.action === 'download' ? 'download' : 'copy',
      name,
      othersInBatch: Math.max(0, job.snapshot.total - job.snapshot.doneIds.length - job.snapshot.failed.length - 1),
    }));
    const context = {
      box,
      transfers: this.#options.transfers,
      job,
      clash,
      signal,
      enqueue: (unit: BulkUnit) => {
        job.discovered(unit);
        queue.add(() => work(unit));
      },
    };
    const limits = this.#options.retryLimits ?? boxRetryPolicy.bulkCalls;
    const attempts = new Map<BulkUnit, number>();
    const work = async (unit: BulkUnit): Promise<void> => {
      try {
        if (signal.aborted) throw signal.reason;
        const outcome = await runUnit(unit, context);
        if (outcome === 'done') job.done(unit);
        else job.skipped(unit);
      } catch (error) {
        const attempt = (attempts.get(unit) ?? 0) + 1;
        // A download's file has its own retries, in the transfer client: only Box's JSON calls are scheduled here.
        const next = signal.aborted || isFileDownload(spec, unit) ? undefined : nextTryOf(error, attempt, limits);
        if (next === undefined) {
          job.failed(unit, error);
          return;
        }
        attempts.set(unit, attempt);
        const at = Date.now() + next.delayMs;
        if (next.wholeRun) queue.pauseUntil(at);
        queue.add(() => work(unit), at);
      }
    };
    // A stopped run does not sit out Box's waits: what waits is listed at once.
    signal.addEventListener('abort', () => queue.wake(), { once: true });
    job.started(units);
    for (const unit of units) queue.add(() => work(unit));
    const finished = queue.whenIdle().then(() => {
      job.finish();
      return job.copy();
    });
    this.#jobs.set(job.id, { job, finished });
    this.#forgetOldRuns();
    return job.copy();
  }

  #forgetOldRuns(): void {
    for (const [id, { job }] of this.#jobs) {
      if (this.#jobs.size <= keptRuns) return;
      if (job.snapshot.state === 'finished') this.#jobs.delete(id);
    }
  }
}

function isFileDownload(spec: BulkSpec, unit: BulkUnit): boolean {
  return spec.action === 'download' && unit.item.type === 'file';
}
