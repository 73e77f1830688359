/**
 * The world an editing test runs in: the real peers (sandbox IdP, backend, Box emulator), Alice's
 * Box token from the backend, an EditingService on the real transfer client and TransferManager,
 * a data folder of its own, the fake editor as a child process, and Box read back through the API.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { EditSnapshot } from '../../../../common/editing.ts';
import { EditingService, type EditingOptions } from '../../../../main/core/editing/editing-service.ts';
import { createManager } from '../../transfers/support/manager-fixture.ts';
import type { TransferPeers } from '../../transfers/support/transfer-peers.ts';

const run = promisify(execFile);
const fakeEditor = fileURLToPath(new URL('./fake-editor.ts', import.meta.url));

export const alice = (peers: TransferPeers) => ({ boxUserId: peers.boxUserId, name: 'Alice Example' });

export interface EditingWorld {
  service: EditingService;
  dataDir: string;
  /** Every `editing:changed` payload, in order. */
  published: EditSnapshot[][];
  /** Paths the service asked the OS to open. */
  opened: string[];
  transfers: ReturnType<typeof createManager>;
  /** Resolves with the edit of `fileId` once `ready` holds for it (every 20 ms, up to `timeoutMs`). */
  until(fileId: string, ready: (edit: EditSnapshot) => boolean, timeoutMs?: number): Promise<EditSnapshot>;
  close(): Promise<void>;
}

export async function createEditingWorld(
  peers: TransferPeers,
  options: Partial<EditingOptions> = {},
): Promise<EditingWorld> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'box-sso-editing-')));
  const published: EditSnapshot[][] = [];
  const opened: string[] = [];
  const transfers = createManager(peers);
  const service = new EditingService({
    client: peers.client,
    transfers: transfers.manager,
    events: { emit: (event, payload) => event === 'editing:changed' && published.push(payload as EditSnapshot[]) },
    openFile: (path) => {
      opened.push(path);
      return Promise.resolve();
    },
    dataDir,
    settleMs: 300,
    saveRetry: {
      maxAttempts: Infinity,
      baseDelaySeconds: 0.2,
      maxBackoffSeconds: 1,
      maxRetryAfterSeconds: 1,
      longerRetryAfter: 'cap',
      jitter: false,
    },
    ...options,
  });
  return {
    service,
    dataDir,
    published,
    opened,
    transfers,
    async until(fileId, ready, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const edit = service.list().find((e) => e.fileId === fileId || e.conflict?.originalFileId === fileId);
        if (edit && ready(edit)) return edit;
        if (Date.now() > deadline) throw new Error(`edit of ${fileId} not ready: ${JSON.stringify(edit)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      await service.dispose();
      if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Saves `path` the way Office does, once per content (see fake-editor.ts). */
export async function editorSaves(path: string, ...contents: string[]): Promise<void> {
  await run(process.execPath, [fakeEditor, path, ...contents]);
}

export interface BoxVersionView {
  sha1: string;
  etag: string;
  lock: { created_by: { id: string; name: string } } | null;
  /** SHA-1s of the earlier versions, newest first. */
  earlier: string[];
}

/** The file as Box has it now, read with `token` (Alice's by default). */
export async function boxView(peers: TransferPeers, fileId: string, token?: string): Promise<BoxVersionView> {
  const auth = { authorization: `Bearer ${token ?? (await peers.tokens.getToken())}` };
  const file = (await (
    await fetch(`${peers.urls.apiBaseUrl}/2.0/files/${fileId}?fields=sha1,etag,lock`, { headers: auth })
  ).json()) as Omit<BoxVersionView, 'earlier'>;
  const versions = (await (
    await fetch(`${peers.urls.apiBaseUrl}/2.0/files/${fileId}/versions`, { headers: auth })
  ).json()) as { entries: { sha1: string }[] };
  return { ...file, earlier: versions.entries.map((v) => v.sha1) };
}

/** Someone changes the file on Box (the same person in the web app, say) without knowing of the edit. */
export async function changeOnBox(peers: TransferPeers, fileId: string, name: string, content: string, token?: string) {
  const form = new FormData();
  form.append('attributes', JSON.stringify({ name }));
  form.append('file', new Blob([content]), name);
  const response = await fetch(`${peers.urls.uploadBaseUrl}/2.0/files/${fileId}/content`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token ?? (await peers.tokens.getToken())}` },
    body: form,
  });
  if (!response.ok) throw new Error(`change on Box answered ${response.status}: ${await response.text()}`);
}

/** Files in a Box folder, by name. */
export async function folderNames(peers: TransferPeers, folderId: string): Promise<{ id: string; name: string }[]> {
  const response = await fetch(`${peers.urls.apiBaseUrl}/2.0/folders/${folderId}/items?limit=1000`, {
    headers: { authorization: `Bearer ${await peers.tokens.getToken()}` },
  });
  return ((await response.json()) as { entries: { id: string; name: string }[] }).entries;
}
