import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { AppError } from '../../../common/app-error.ts';
import type { NameClashChoice, TransferDirection, TransferSnapshot, TransferState } from '../../../common/transfers.ts';
import type { FileOpener } from '../security/launchable-file.ts';
import type { CoreEventBus } from '../ipc/event-bus.ts';
import type { BoxTransferClient, UploadTarget } from './box-transfer-client.ts';
import type { ChunkedUploadOptions } from './chunked-upload.ts';
import { downloadFile, exists } from './download-file.ts';
import { freeLocalPath, localFileName, numberedName } from './file-names.ts';
import type { AskNameClash } from './name-clash-broker.ts';
import { ProgressMeter } from './progress-meter.ts';
import { BoxAnswerError } from '../box-client/box-errors.ts';
import { appError } from '../errors/error-catalog.ts';
import { cancelledError } from './transfer-errors.ts';
import { inspectUploadSource, uploadFile } from './upload-file.ts';

export interface TransferManagerOptions {
  client: BoxTransferClient;
  events: Pick<CoreEventBus, 'emit'>;
  askNameClash: AskNameClash;
  /** "Open when done": the safe opener (`createSafeOpenFile`), which never launches programs. */
  openFile?: FileOpener;
  /** Files moving at once; the rest wait in the queue. */
  concurrency?: number;
  chunked?: ChunkedUploadOptions;
  progressIntervalMs?: number;
}

/** Where downloads go: one file the user named in the save dialog, or a folder for several. */
export type DownloadDestination = { kind: 'file'; path: string } | { kind: 'folder'; path: string };

type JobSpec =
  | {
      direction: 'download';
      fileId: string;
      /** An earlier version of the file instead of the current one. */
      versionId?: string;
      destination: DownloadDestination;
      openWhenDone: boolean;
    }
  | { direction: 'upload'; path: string; folderId: string }
  /** Run by another service (an edit's save back): listed here, queued and retried there. */
  | { direction: 'tracked' };

/** A transfer another service runs, shown in the list: it reports its bytes and its end. */
export interface TrackedTransfer {
  signal: AbortSignal;
  /** Done, failed, skipped or cancelled: a later try needs a row of its own. */
  readonly finished: boolean;
  onBytes: (count: number) => void;
  /** Another try starts (with the bytes it will send). */
  restart: (totalBytes: number) => void;
  /** The try failed and the service will try again: the row waits in the queue instead of failing. */
  requeue: () => void;
  finish: (outcome: 'done' | 'failed' | 'skipped' | 'cancelled', error?: unknown) => void;
}

/** Transfers started together share "apply to all". */
interface Batch {
  choice?: NameClashChoice;
  jobs: Job[];
}

interface Job {
  snapshot: TransferSnapshot;
  spec: JobSpec;
  batch: Batch;
  meter: ProgressMeter;
  controller: AbortController;
  lastEmittedBytes: number;
}

const finishedStates: ReadonlySet<TransferState> = new Set(['done', 'failed', 'cancelled', 'skipped']);

/** The user chose "skip" at a name clash. */
class Skipped extends Error {}

/**
 * Runs downloads and uploads through a queue with a concurrency limit, publishes their state
 * (`transfer:changed`) and throttled progress (`transfer:progress`), asks about name clashes,
 * and supports cancel and retry. It never throws at its caller: a transfer's failure is part
 * of its state, with a message for the user.
 */
export class TransferManager {
  readonly #options: TransferManagerOptions;
  readonly #jobs = new Map<string, Job>();
  readonly #queue: Job[] = [];
  readonly #idleWaiters: (() => void)[] = [];
  #running = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(options: TransferManagerOptions) {
    this.#options = options;
  }

  download(
    files: { id: string; name: string; versionId?: string }[],
    destination: DownloadDestination,
    openWhenDone = false,
  ): TransferSnapshot[] {
    const batch: Batch = { jobs: [] };
    return files.map((file) =>
      this.#add(
        batch,
        'download',
        file.name,
        {
          direction: 'download',
          fileId: file.id,
          ...(file.versionId === undefined ? {} : { versionId: file.versionId }),
          destination,
          openWhenDone,
        },
        { fileId: file.id },
      ),
    );
  }

  upload(folderId: string, paths: string[]): TransferSnapshot[] {
    const batch: Batch = { jobs: [] };
    return paths.map((path) =>
      this.#add(batch, 'upload', basename(path), { direction: 'upload', path, folderId }, { folderId }),
    );
  }

  /** Lists an upload that another service sends itself (editing's save back), so it shows in the panel. */
  track(name: string, fileId: string, totalBytes: number): TrackedTransfer {
    const snapshot: TransferSnapshot = {
      id: randomUUID(),
      direction: 'upload',
      name,
      fileId,
      state: 'running',
      transferredBytes: 0,
      totalBytes,
      bytesPerSecond: 0,
      secondsLeft: null,
    };
    const job: Job = {
      snapshot,
      spec: { direction: 'tracked' },
      batch: { jobs: [] },
      meter: new ProgressMeter(),
      controller: new AbortController(),
      lastEmittedBytes: 0,
    };
    this.#jobs.set(snapshot.id, job);
    this.#options.events.emit('transfer:changed', { ...snapshot });
    return {
      signal: job.controller.signal,
      get finished() {
        return finishedStates.has(job.snapshot.state);
      },
      onBytes: (count) => this.#progress(job, count),
      restart: (bytes) => this.#update(job, { state: 'running', totalBytes: bytes, transferredBytes: 0 }),
      requeue: () => this.#update(job, { state: 'queued', transferredBytes: 0, bytesPerSecond: 0, secondsLeft: null }),
      finish: (outcome, error) =>
        this.#finish(job, job.controller.signal.aborted && outcome === 'failed' ? 'cancelled' : outcome, error),
    };
  }

  list(): TransferSnapshot[] {
    return [...this.#jobs.values()].map((job) => ({ ...job.snapshot }));
  }

  cancel(id: string): void {
    const job = this.#job(id);
    if (finishedStates.has(job.snapshot.state)) return;
    job.controller.abort(cancelledError(job.snapshot.name));
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      this.#finish(job, 'cancelled');
      this.#settleIdle();
    }
  }

  retry(id: string): void {
    const job = this.#job(id);
    // A tracked transfer is retried by the service that runs it.
    if (!['failed', 'cancelled'].includes(job.snapshot.state) || job.spec.direction === 'tracked') return;
    job.controller = new AbortController();
    job.meter.reset();
    job.lastEmittedBytes = 0;
    Object.assign(job.snapshot, { transferredBytes: 0, bytesPerSecond: 0, secondsLeft: null });
    delete job.snapshot.error;
    this.#set(job, 'queued');
    this.#queue.push(job);
    this.#pump();
  }

  clearFinished(): void {
    for (const [id, job] of this.#jobs) if (finishedStates.has(job.snapshot.state)) this.#jobs.delete(id);
  }

  /** Resolves once nothing is queued or running (tests and shutdown). */
  whenIdle(): Promise<void> {
    if (this.#running === 0 && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Cancels everything still moving: temporary files are removed and upload sessions aborted. */
  async dispose(): Promise<void> {
    for (const job of this.#jobs.values()) this.cancel(job.snapshot.id);
    await this.whenIdle();
  }

  #job(id: string): Job {
    const job = this.#jobs.get(id);
    if (!job) throw appError('invalid_request', 'transfer_gone');
    return job;
  }

  #add(
    batch: Batch,
    direction: TransferDirection,
    name: string,
    spec: JobSpec,
    extra: Partial<TransferSnapshot>,
  ): TransferSnapshot {
    const snapshot: TransferSnapshot = {
      id: randomUUID(),
      direction,
      name,
      state: 'queued',
      transferredBytes: 0,
      totalBytes: 0,
      bytesPerSecond: 0,
      secondsLeft: null,
      ...extra,
    };
    const job: Job = {
      snapshot,
      spec,
      batch,
      meter: new ProgressMeter(),
      controller: new AbortController(),
      lastEmittedBytes: 0,
    };
    batch.jobs.push(job);
    this.#jobs.set(snapshot.id, job);
    this.#queue.push(job);
    this.#options.events.emit('transfer:changed', { ...snapshot });
    this.#pump();
    return { ...snapshot };
  }

  #pump(): void {
    const limit = this.#options.concurrency ?? 3;
    while (this.#running < limit && this.#queue.length > 0) {
      const job = this.#queue.shift()!;
      this.#running += 1;
      this.#startTicker();
      void this.#run(job).finally(() => {
        this.#running -= 1;
        this.#pump();
        this.#settleIdle();
      });
    }
  }

  #settleIdle(): void {
    if (this.#running > 0 || this.#queue.length > 0) return;
    this.#stopTicker();
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  async #run(job: Job): Promise<void> {
    const signal = job.controller.signal;
    try {
      this.#set(job, 'running');
      if (job.spec.direction === 'download') await this.#runDownload(job, job.spec, signal);
      else if (job.spec.direction === 'upload') await this.#runUpload(job, job.spec, signal);
      this.#finish(job, 'done');
    } catch (error) {
      if (error instanceof Skipped) this.#finish(job, 'skipped');
      else if (signal.aborted) this.#finish(job, 'cancelled');
      else this.#finish(job, 'failed', error);
    }
  }

  async #runDownload(job: Job, spec: Extract<JobSpec, { direction: 'download' }>, signal: AbortSignal): Promise<void> {
    const facts = await this.#options.client.fileFacts(spec.fileId, job.snapshot.name, signal, spec.versionId);
    this.#update(job, { totalBytes: facts.size });
    let targetPath =
      spec.destination.kind === 'file' ? spec.destination.path : join(spec.destination.path, localFileName(facts.name));
    let replaceExisting = false;
    if (await exists(targetPath)) {
      const choice = await this.#resolveClash(job, basename(targetPath), signal);
      if (choice === 'keep-both') targetPath = await freeLocalPath(targetPath, exists);
      else replaceExisting = true;
    }
    this.#update(job, { targetPath });
    await downloadFile({
      client: this.#options.client,
      file: facts,
      targetPath,
      replaceExisting,
      signal,
      onBytes: (count) => this.#progress(job, count),
    });
    if (!spec.openWhenDone) return;
    await this.#options.openFile?.(targetPath);
  }

  async #runUpload(job: Job, spec: Extract<JobSpec, { direction: 'upload' }>, signal: AbortSignal): Promise<void> {
    const source = await inspectUploadSource(spec.path);
    this.#update(job, { totalBytes: source.size });
    let target: UploadTarget = { kind: 'new-file', folderId: spec.folderId, name: job.snapshot.name };
    for (let copy = 1; ; copy++) {
      try {
        const { fileId } = await uploadFile(
          this.#options.client,
          source,
          target,
          signal,
          (count) => this.#progress(job, count),
          {
            ...this.#options.chunked,
            onCommitting: () => this.#set(job, 'verifying'),
          },
        );
        this.#update(job, { fileId, name: target.name });
        return;
      } catch (error) {
        if (!(error instanceof BoxAnswerError) || error.boxCode !== 'item_name_in_use' || target.kind !== 'new-file')
          throw error;
        // The bytes sent for the refused attempt do not count.
        this.#update(job, { transferredBytes: 0 });
        job.meter.reset();
        const choice = copy === 1 ? await this.#resolveClash(job, target.name, signal) : 'keep-both';
        if (choice === 'keep-both') target = { ...target, name: numberedName(job.snapshot.name, copy) };
        else if (error.conflictFileId)
          target = { kind: 'new-version', fileId: error.conflictFileId, name: target.name };
        else throw error;
        this.#set(job, 'running');
      }
    }
  }

  /** The batch's "apply to all" answer, or the user's answer to this clash; "skip" ends the job. */
  async #resolveClash(job: Job, name: string, signal: AbortSignal): Promise<Exclude<NameClashChoice, 'skip'>> {
    let choice = job.batch.choice;
    if (choice === undefined) {
      this.#set(job, 'waiting');
      const othersInBatch = job.batch.jobs.filter(
        (other) => other !== job && !finishedStates.has(other.snapshot.state),
      ).length;
      const question = { transferId: job.snapshot.id, direction: job.snapshot.direction, name, othersInBatch };
      const reply = await this.#options.askNameClash(question, signal);
      if (reply.applyToAll) job.batch.choice = reply.choice;
      choice = reply.choice;
      this.#set(job, 'running');
    }
    if (choice === 'skip') throw new Skipped();
    return choice;
  }

  #progress(job: Job, count: number): void {
    job.snapshot.transferredBytes += count;
  }

  #update(job: Job, changes: Partial<TransferSnapshot>): void {
    Object.assign(job.snapshot, changes);
    this.#options.events.emit('transfer:changed', { ...job.snapshot });
  }

  #set(job: Job, state: TransferState): void {
    this.#update(job, { state });
  }

  #finish(job: Job, state: TransferState, error?: unknown): void {
    const changes: Partial<TransferSnapshot> = { state, bytesPerSecond: 0, secondsLeft: null };
    if (state === 'done') changes.transferredBytes = job.snapshot.totalBytes;
    if (state === 'failed') {
      changes.error =
        error instanceof AppError
          ? error.toInfo()
          : {
              code: 'transfer_failed',
              message: `The transfer of “${job.snapshot.name}” failed. Retry; if it keeps failing, contact your IT team.`,
            };
    }
    this.#update(job, changes);
  }

  #startTicker(): void {
    this.#ticker ??= setInterval(() => this.#tick(), this.#options.progressIntervalMs ?? 250);
    this.#ticker.unref();
  }

  #stopTicker(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  #tick(): void {
    for (const job of this.#jobs.values()) {
      const { snapshot } = job;
      if (snapshot.state !== 'running') continue;
      const { bytesPerSecond, secondsLeft } = job.meter.sample(snapshot.transferredBytes, snapshot.totalBytes);
      Object.assign(snapshot, { bytesPerSecond, secondsLeft });
      if (snapshot.transferredBytes === job.lastEmittedBytes) continue;
      job.lastEmittedBytes = snapshot.transferredBytes;
      const { id, transferredBytes, totalBytes } = snapshot;
      this.#options.events.emit('transfer:progress', { id, transferredBytes, totalBytes, bytesPerSecond, secondsLeft });
    }
  }
}
