import { createCipheriv, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { EventChannel, EventChannels } from '../../../../common/ipc-contract.ts';
import type { NameClashQuestion } from '../../../../common/transfers.ts';
import type { NameClashReply } from '../../../../main/core/transfers/name-clash-broker.ts';
import { TransferManager, type TransferManagerOptions } from '../../../../main/core/transfers/transfer-manager.ts';
import type { TransferPeers } from './transfer-peers.ts';

export interface RecordedEvent {
  event: EventChannel;
  payload: EventChannels[EventChannel];
}

/** A manager on the real client, recording its events and answering name clashes from a script. */
export function createManager(
  peers: TransferPeers,
  answers: NameClashReply[] = [],
  options: Partial<TransferManagerOptions> = {},
) {
  const events: RecordedEvent[] = [];
  const questions: Omit<NameClashQuestion, 'questionId'>[] = [];
  const manager = new TransferManager({
    client: peers.client,
    events: { emit: (event, payload) => events.push({ event, payload }) },
    askNameClash: (question) => {
      questions.push(question);
      const answer = answers.shift();
      return answer
        ? Promise.resolve(answer)
        : Promise.reject(new Error(`unexpected name clash question for ${question.name}`));
    },
    progressIntervalMs: 50,
    ...options,
  });
  return { manager, events, questions };
}

/** SHA-1 (hex) of a local file, streamed. */
export async function sha1OfPath(path: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Writes `size` pseudo-random bytes without holding them all: an AES-CTR keystream from the
 * seed, so two files with the same seed are identical and different seeds differ.
 */
export async function writeRandomFile(path: string, size: number, seed = 1): Promise<string> {
  const cipher = createCipheriv('aes-256-ctr', createHash('sha256').update(String(seed)).digest(), Buffer.alloc(16));
  const handle = await open(path, 'w');
  const hash = createHash('sha1');
  try {
    for (let offset = 0; offset < size; offset += 1 << 20) {
      const bytes = cipher.update(Buffer.alloc(Math.min(1 << 20, size - offset)));
      hash.update(bytes);
      await handle.write(bytes);
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
