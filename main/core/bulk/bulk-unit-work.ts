import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../../../common/app-error.ts';
import type { BoxService } from '../box/box-service.ts';
import { appError } from '../errors/error-catalog.ts';
import type { BoxTransferClient } from '../transfers/box-transfer-client.ts';
import { downloadFile, exists } from '../transfers/download-file.ts';
import { freeLocalPath, localFileName, numberedName } from '../transfers/file-names.ts';
import type { BatchClashChoice } from './batch-clash-choice.ts';
import type { BulkJob, BulkUnit } from './bulk-job.ts';

export interface UnitContext {
  box: BoxService;
  transfers: BoxTransferClient;
  job: BulkJob;
  clash: BatchClashChoice;
  /** Download: queues what a folder holds. */
  enqueue: (unit: BulkUnit) => void;
  signal: AbortSignal;
}

/** How one unit ended when it did not fail. */
export type UnitOutcome = 'done' | 'skipped';

/** "Keep both" tries numbered names up to this one before giving up with Box's clash. */
const maxNumberedCopies = 100;

/**
 * The Box work of one unit, per action. Every call goes through `BoxService` or the transfer
 * client, so `429`s and 5xx are waited out by the Box client's retry policy; a failure thrown
 * here is that policy's last word, and the run lists the unit as failed.
 */
export async function runUnit(unit: BulkUnit, context: UnitContext): Promise<UnitOutcome> {
  const { box, job } = context;
  const { item } = unit;
  switch (job.spec.action) {
    case 'delete':
      await box.delete(item.id, item.type);
      return 'done';
    case 'restore':
      await box.restoreFromTrash(item.id, item.type);
      return 'done';
    case 'move':
      await box.move(item.id, item.type, targetOf(job));
      return 'done';
    case 'copy':
      return copyUnit(unit, context);
    case 'download':
      return item.type === 'folder' ? listFolderInto(unit, context) : downloadUnit(unit, context);
  }
}

function targetOf(job: BulkJob): string {
  const target = job.spec.targetFolderId;
  if (target === undefined) throw appError('invalid_request', 'malformed', { channel: 'bulk:start' });
  return target;
}

/** Box's copy; a taken name asks the run's clash question: keep both (a numbered name) or skip. */
async function copyUnit(unit: BulkUnit, context: UnitContext): Promise<UnitOutcome> {
  const { item } = unit;
  for (let copy = 0; ; copy++) {
    try {
      await context.box.copy(
        item.id,
        item.type,
        targetOf(context.job),
        copy === 0 ? undefined : numberedName(item.name, copy, item.type),
      );
      return 'done';
    } catch (error) {
      const clash = error instanceof AppError && error.code === 'box_item_name_in_use';
      if (!clash || copy >= maxNumberedCopies) throw error;
      // "Replace" is not offered for a copy (it would delete the other item); answered anyway, it keeps both.
      if (copy === 0 && (await context.clash.choose(item.name, context.signal)) === 'skip') return 'skipped';
    }
  }
}

/** A folder of a download: its local folder, and its files and folders queued as units of their own. */
async function listFolderInto(unit: BulkUnit, context: UnitContext): Promise<UnitOutcome> {
  const folder = join(localDirOf(unit), localFileName(unit.item.name));
  await mkdir(folder, { recursive: true });
  let marker = unit.resumeMarker;
  do {
    const page = await context.box.listFolder({ folderId: unit.item.id, ...(marker === undefined ? {} : { marker }) });
    for (const child of page.items) {
      if (child.type === 'web_link') continue;
      context.enqueue({
        item: { id: child.id, type: child.type, name: child.name },
        localDir: folder,
        ...(child.type === 'file' && child.size !== null ? { size: child.size } : {}),
      });
    }
    marker = page.nextMarker ?? undefined;
    unit.resumeMarker = marker;
  } while (marker !== undefined);
  return 'done';
}

function localDirOf(unit: BulkUnit): string {
  if (unit.localDir === undefined) throw new Error(`download unit ${unit.item.id} has no local folder`);
  return unit.localDir;
}

/** One file through the verified download path (size and SHA-1 checked, never a partial target). */
async function downloadUnit(unit: BulkUnit, context: UnitContext): Promise<UnitOutcome> {
  const { job, signal } = context;
  const facts = await context.transfers.fileFacts(unit.item.id, unit.item.name, signal);
  if (unit.size === undefined) job.addTotalBytes(facts.size);
  let targetPath = join(localDirOf(unit), localFileName(facts.name));
  let replaceExisting = false;
  if (await exists(targetPath)) {
    const choice = await context.clash.choose(basename(targetPath), signal);
    if (choice === 'skip') return 'skipped';
    if (choice === 'keep-both') targetPath = await freeLocalPath(targetPath, exists);
    else replaceExisting = true;
  }
  let received = 0;
  try {
    await downloadFile({
      client: context.transfers,
      file: facts,
      targetPath,
      replaceExisting,
      signal,
      onBytes: (count) => {
        received += count;
        job.addBytes(count);
      },
    });
  } catch (error) {
    // The bytes of a failed file do not count: a retry brings them again.
    job.addBytes(-received);
    throw error;
  }
  return 'done';
}
