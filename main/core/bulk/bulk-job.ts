import { randomUUID } from 'node:crypto';
import { AppError } from '../../../common/app-error.ts';
import type { BulkAction, BulkItem, BulkSnapshot } from '../../../common/bulk.ts';
import { appError } from '../errors/error-catalog.ts';
import type { CoreEventBus } from '../ipc/event-bus.ts';

/** One piece of a bulk run: a selected item, or (download) a file or folder found inside one, with its local folder. */
export interface BulkUnit {
  item: BulkItem;
  localDir?: string;
  /** Bytes, when the listing told us (a download counts them toward the total at once). */
  size?: number;
  /**
   * Download of a folder: the page of its listing to read next, kept when a try fails after
   * earlier pages were queued, so that the next try does not queue their items twice.
   */
  resumeMarker?: string;
}

/** What a run was asked to do, kept so that "Retry the N that failed" can do it again. */
export interface BulkSpec {
  action: BulkAction;
  targetFolderId?: string;
  /** Download: the local folder the user chose. */
  destination?: string;
}

/**
 * The state of one bulk run and its snapshots: per item done, skipped or failed (with the
 * words for why), bytes for downloads. Snapshots go out as `bulk:changed` at most every
 * `intervalMs`, and once more when the run finishes, so a thousand items are not a thousand events.
 */
export class BulkJob {
  readonly spec: BulkSpec;
  readonly snapshot: BulkSnapshot;
  readonly controller = new AbortController();
  /** The failed units by item id, for a retry (a download's file keeps its local folder). */
  readonly failedUnits = new Map<string, BulkUnit>();
  /** The units done, in order (undo restores the deleted ones). */
  readonly doneUnits: BulkUnit[] = [];
  readonly #events: Pick<CoreEventBus, 'emit'>;
  readonly #intervalMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(spec: BulkSpec, total: number, events: Pick<CoreEventBus, 'emit'>, intervalMs: number) {
    this.spec = spec;
    this.#events = events;
    this.#intervalMs = intervalMs;
    this.snapshot = {
      id: randomUUID(),
      action: spec.action,
      state: 'running',
      total,
      doneIds: [],
      skippedIds: [],
      failed: [],
      ...(spec.targetFolderId === undefined ? {} : { targetFolderId: spec.targetFolderId }),
      ...(spec.action === 'download' ? { transferredBytes: 0, totalBytes: 0, filesTotal: 0, filesDone: 0 } : {}),
    };
  }

  get id(): string {
    return this.snapshot.id;
  }

  /** A download found more to do inside a folder. */
  discovered(unit: BulkUnit): void {
    this.snapshot.total += 1;
    this.#counted(unit);
  }

  /** Counts a unit toward the download's file and byte totals. */
  #counted(unit: BulkUnit): void {
    if (this.spec.action !== 'download' || unit.item.type !== 'file') return;
    this.snapshot.filesTotal! += 1;
    if (unit.size !== undefined) this.snapshot.totalBytes! += unit.size;
  }

  started(units: readonly BulkUnit[]): void {
    for (const unit of units) this.#counted(unit);
    this.#emitSoon();
  }

  addTotalBytes(count: number): void {
    this.snapshot.totalBytes! += count;
  }

  addBytes(count: number): void {
    this.snapshot.transferredBytes! += count;
    this.#emitSoon();
  }

  done(unit: BulkUnit): void {
    this.doneUnits.push(unit);
    this.snapshot.doneIds.push(unit.item.id);
    if (this.spec.action === 'download' && unit.item.type === 'file') this.snapshot.filesDone! += 1;
    this.#emitSoon();
  }

  skipped(unit: BulkUnit): void {
    this.snapshot.skippedIds.push(unit.item.id);
    this.#emitSoon();
  }

  failed(unit: BulkUnit, error: unknown): void {
    const info =
      error instanceof AppError ? error.toInfo() : appError('box_error', 'unexpected', {}, { cause: error }).toInfo();
    this.failedUnits.set(unit.item.id, unit);
    this.snapshot.failed.push({ item: unit.item, error: info });
    this.#emitSoon();
  }

  finish(): void {
    this.snapshot.state = 'finished';
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#emit();
  }

  copy(): BulkSnapshot {
    return structuredClone(this.snapshot);
  }

  #emitSoon(): void {
    if (this.#timer !== undefined || this.snapshot.state === 'finished') return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#emit();
    }, this.#intervalMs);
  }

  #emit(): void {
    this.#events.emit('bulk:changed', this.copy());
  }
}
