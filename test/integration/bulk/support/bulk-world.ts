/**
 * A bulk service as the desktop builds it, on the transfer peers (the emulator, the sandbox IdP,
 * the backend's scoped token): the signed-in user's BoxService, the transfer client, recorded
 * `bulk:*` events and name-clash answers from a script. Tests and bench/bulk share it.
 */
import type { BulkItem, BulkNameClashQuestion } from '../../../../common/bulk.ts';
import type { BoxItem } from '../../../../common/box-items.ts';
import { BoxService } from '../../../../main/core/box/box-service.ts';
import { boxRetryPolicy, type RetryLimits } from '../../../../main/core/box-client/retry-policy.ts';
import type { BulkClashReply } from '../../../../main/core/bulk/batch-clash-choice.ts';
import { BulkService, type BulkServiceOptions } from '../../../../main/core/bulk/bulk-service.ts';
import type { BoxAccessTokenSource } from '../../../../main/core/box-client/box-access-token-source.ts';
import type { BoxBaseUrls } from '../../../../main/core/box-client/box-connection.ts';
import type { BoxTransport } from '../../../../main/core/box-client/box-transport.ts';
import type { BoxTransferClient } from '../../../../main/core/transfers/box-transfer-client.ts';
import type { EmulatorControlClient } from '../../../../sandbox/box-emulator/control-client.ts';

/** What a bulk world needs of its peers: the transfer peers in tests, an emulator process in the benchmark. */
export interface BulkPeers {
  tokens: BoxAccessTokenSource;
  urls: BoxBaseUrls;
  client: BoxTransferClient;
  boxUserId: string;
  emulator: { controls: EmulatorControlClient };
  /** The desktop's transport (keep-alive agents); Node's defaults when absent. */
  transport?: BoxTransport;
}

export function createBulkWorld(
  peers: BulkPeers,
  answers: BulkClashReply[] = [],
  options: Partial<BulkServiceOptions> = {},
  /** The policy's bulk limits by default, as the desktop has them. */
  retryLimits: Partial<RetryLimits> = {},
) {
  const limits = { ...boxRetryPolicy.bulkCalls, ...retryLimits };
  const box = new BoxService({
    tokenSource: peers.tokens,
    baseUrls: peers.urls,
    retryLimits: limits,
    ...(peers.transport === undefined ? {} : { transport: peers.transport }),
  });
  const questions: Omit<BulkNameClashQuestion, 'questionId'>[] = [];
  let snapshots = 0;
  const bulk = new BulkService({
    box: () => box,
    transfers: peers.client,
    events: { emit: (event) => void (event === 'bulk:changed' && (snapshots += 1)) },
    askClash: (question) => {
      questions.push(question);
      const answer = answers.shift();
      return answer ? Promise.resolve(answer) : Promise.reject(new Error(`unexpected name clash for ${question.name}`));
    },
    progressIntervalMs: 20,
    retryLimits: limits,
    ...options,
  });

  /** Every item of a folder, all pages. */
  const listAll = async (folderId: string): Promise<BoxItem[]> => {
    const items: BoxItem[] = [];
    let marker: string | undefined;
    do {
      const page = await box.listFolder({ folderId, ...(marker === undefined ? {} : { marker }) });
      items.push(...page.items);
      marker = page.nextMarker ?? undefined;
    } while (marker !== undefined);
    return items;
  };

  const folder = async (name: string, parentId = '0'): Promise<string> =>
    (await peers.emulator.controls.createFolder({ ownerId: peers.boxUserId, parentId, name })).id;

  /** A folder holding `count` seeded files; their items as the bulk service takes them. */
  const seededFolder = async (name: string, count: number): Promise<{ folderId: string; items: BulkItem[] }> => {
    const folderId = await folder(name);
    await peers.emulator.controls.seedItems({ ownerId: peers.boxUserId, parentId: folderId, count, kind: 'file' });
    const items = (await listAll(folderId)).map(asBulkItem);
    return { folderId, items };
  };

  return { box, bulk, questions, listAll, folder, seededFolder, snapshots: () => snapshots };
}

export const asBulkItem = (item: BoxItem): BulkItem => ({
  id: item.id,
  type: item.type === 'folder' ? 'folder' : 'file',
  name: item.name,
});

export const idsOf = (items: readonly { id: string }[]): string[] => items.map((item) => item.id).sort();
