/**
 * The `transfer:*` handlers as the renderer reaches them: through dispatchRequest (schema
 * validation included), with name-clash questions going out as events and coming back as
 * requests, and the OS dialogs supplied by the test the way the Electron shell supplies them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NameClashQuestion, TransferSnapshot } from '../../../common/transfers.ts';
import { dispatchRequest } from '../../../main/core/ipc/dispatch-request.ts';
import { CoreEventBus } from '../../../main/core/ipc/event-bus.ts';
import type { HandlerTable } from '../../../main/core/ipc/handler-table.ts';
import { NameClashBroker } from '../../../main/core/transfers/name-clash-broker.ts';
import { createTransferHandlers, type TransferDialogs } from '../../../main/core/transfers/transfer-handlers.ts';
import { TransferManager } from '../../../main/core/transfers/transfer-manager.ts';
import { createSafeOpenFile } from '../../../main/core/security/launchable-file.ts';
import { sha1OfPath } from './support/manager-fixture.ts';
import { startTransferPeers, type TransferPeers } from './support/transfer-peers.ts';

let peers: TransferPeers;
let local: string;
beforeAll(async () => {
  peers = await startTransferPeers();
  local = join(peers.workDir, 'ipc');
  await mkdir(local, { recursive: true });
});
afterAll(async () => {
  await peers?.close();
});

function setUp(dialogs: Partial<TransferDialogs> = {}) {
  const events = new CoreEventBus();
  const broker = new NameClashBroker(events);
  const opened: string[] = [];
  const revealed: string[] = [];
  const manager = new TransferManager({
    client: peers.client,
    events,
    askNameClash: broker.ask,
    // The opener createCore gives the manager, over recording stand-ins for the OS.
    openFile: createSafeOpenFile(
      (path) => Promise.resolve(void opened.push(path)),
      (path) => void revealed.push(path),
    ),
  });
  const dialogCalls: string[] = [];
  const handlers = createTransferHandlers(manager, broker, {
    chooseSavePath: (name) =>
      Promise.resolve(void dialogCalls.push(`save ${name}`)).then(() => dialogs.chooseSavePath?.(name) ?? null),
    chooseDownloadFolder: () =>
      Promise.resolve(void dialogCalls.push('folder')).then(() => dialogs.chooseDownloadFolder?.() ?? null),
    chooseFilesToUpload: () =>
      Promise.resolve(void dialogCalls.push('open')).then(() => dialogs.chooseFilesToUpload?.() ?? null),
  });
  const errors: unknown[] = [];
  // Only the transfer:* part of the table exists here; other channels are not called.
  const table = handlers as HandlerTable;
  const request = (channel: string, payload?: unknown) =>
    dispatchRequest(table, channel, payload, (_channel, error) => errors.push(error));
  return { events, manager, request, dialogCalls, opened, revealed, errors };
}

test('an upload that clashes asks through an event, and the answer comes back as a request', async () => {
  const path = join(local, 'clash.txt');
  await writeFile(path, 'first');
  const { events, manager, request } = setUp();
  await request('transfer:uploadDropped', { folderId: '0', paths: [path] });
  await manager.whenIdle();
  await writeFile(path, 'second');

  const questions: NameClashQuestion[] = [];
  events.on('transfer:nameClash', (question) => {
    questions.push(question);
    void request('transfer:answerNameClash', { questionId: question.questionId, choice: 'replace', applyToAll: false });
  });
  const result = await request('transfer:uploadDropped', { folderId: '0', paths: [path] });
  expect(result.ok).toBe(true);
  const [started] = (result as { value: TransferSnapshot[] }).value;
  await manager.whenIdle();
  expect(questions).toEqual([
    {
      questionId: expect.any(String) as unknown,
      transferId: started!.id,
      direction: 'upload',
      name: 'clash.txt',
      othersInBatch: 0,
    },
  ]);
  const listed = await request('transfer:list');
  const states = (listed as { value: TransferSnapshot[] }).value.map((t) => t.state);
  expect(states).toEqual(['done', 'done']);
  // An answer to a question that is gone is refused, not ignored silently.
  expect(
    await request('transfer:answerNameClash', {
      questionId: questions[0]!.questionId,
      choice: 'skip',
      applyToAll: false,
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'invalid_request' },
  });
});

test('one file is downloaded where the save dialog says, and opened when asked', async () => {
  const seeded = await peers.emulator.controls.createFile({
    ownerId: peers.boxUserId,
    name: 'to-open.txt',
    text: 'open me',
  });
  const target = join(local, 'chosen name.txt');
  const { manager, request, dialogCalls, opened } = setUp({ chooseSavePath: () => Promise.resolve(target) });
  const result = await request('transfer:download', {
    files: [{ id: seeded.id, name: 'to-open.txt' }],
    openWhenDone: true,
  });
  expect(result.ok).toBe(true);
  await manager.whenIdle();
  expect(dialogCalls).toEqual(['save to-open.txt']);
  expect(await sha1OfPath(target)).toBe(seeded.sha1);
  expect(opened).toEqual([target]);
});

test('"open when done" never launches a program or script from Box: it is shown in its folder instead', async () => {
  const seeded = await peers.emulator.controls.createFile({
    ownerId: peers.boxUserId,
    name: 'invoice.exe',
    text: 'MZ',
  });
  const target = join(local, 'invoice.exe');
  const { manager, request, opened, revealed } = setUp({ chooseSavePath: () => Promise.resolve(target) });
  const result = await request('transfer:download', {
    files: [{ id: seeded.id, name: 'invoice.exe' }],
    openWhenDone: true,
  });
  expect(result.ok).toBe(true);
  await manager.whenIdle();
  expect(await sha1OfPath(target)).toBe(seeded.sha1);
  expect(opened).toEqual([]);
  expect(revealed).toEqual([target]);
});

test('several files go to the folder the folder dialog picks; a cancelled dialog starts nothing', async () => {
  const a = await peers.emulator.controls.createFile({ ownerId: peers.boxUserId, name: 'multi-a.txt', text: 'a' });
  const b = await peers.emulator.controls.createFile({ ownerId: peers.boxUserId, name: 'multi-b.txt', text: 'b' });
  const folder = join(local, 'several');
  await mkdir(folder);
  const files = [
    { id: a.id, name: 'multi-a.txt' },
    { id: b.id, name: 'multi-b.txt' },
  ];
  const chosen = setUp({ chooseDownloadFolder: () => Promise.resolve(folder) });
  await chosen.request('transfer:download', { files });
  await chosen.manager.whenIdle();
  expect(await sha1OfPath(join(folder, 'multi-a.txt'))).toBe(a.sha1);
  expect(await sha1OfPath(join(folder, 'multi-b.txt'))).toBe(b.sha1);

  const cancelled = setUp();
  expect(await cancelled.request('transfer:download', { files })).toEqual({ ok: true, value: [] });
  expect(await cancelled.request('transfer:upload', { folderId: '0' })).toEqual({ ok: true, value: [] });
  expect(cancelled.dialogCalls).toEqual(['folder', 'open']);
});

test('malformed requests are refused before a handler runs', async () => {
  const { request, dialogCalls } = setUp();
  for (const [channel, payload] of [
    ['transfer:uploadDropped', { folderId: '../etc', paths: ['/tmp/x'] }],
    ['transfer:uploadDropped', { folderId: '0', paths: [42] }],
    ['transfer:upload', { folderId: '0', paths: ['/etc/passwd'] }],
    ['transfer:download', { files: [] }],
    ['transfer:answerNameClash', { questionId: 'q', choice: 'overwrite-everything', applyToAll: true }],
    ['transfer:cancel', { id: 'x', extra: true }],
  ] as const) {
    expect(await request(channel, payload)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  }
  expect(dialogCalls).toEqual([]);
  expect(await request('transfer:retry', { id: 'no-such-transfer' })).toMatchObject({
    ok: false,
    error: { code: 'invalid_request' },
  });
});
