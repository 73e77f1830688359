/**
 * The editing part of the core in a process of its own, so a test can kill it mid-upload:
 * `node editing-process.ts <json>` with `{ origin, userId, userName, dataDir, open? }`. It signs
 * the user's edits in (uploading any save the journal left pending), opens `open` for editing if
 * given, and prints one JSON line per event: `{ opened: path }` and `{ edits: EditSnapshot[] }`.
 * It runs until it is killed. Its Box token comes from the emulator's controls, as a test peer.
 */
import { EditingService } from '../../../../main/core/editing/editing-service.ts';
import { BoxTransferClient } from '../../../../main/core/transfers/box-transfer-client.ts';
import { TransferManager } from '../../../../main/core/transfers/transfer-manager.ts';
import { EmulatorControlClient } from '../../../../sandbox/box-emulator/control-client.ts';

const input = JSON.parse(process.argv[2] ?? '{}') as {
  origin: string;
  userId: string;
  userName: string;
  dataDir: string;
  open?: string;
};
const say = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);
const controls = new EmulatorControlClient(input.origin);
let token: string | undefined;
const client = new BoxTransferClient(
  {
    getToken: async () => (token ??= (await controls.issueToken({ userId: input.userId })).access_token),
    invalidate: () => {
      token = undefined;
    },
  },
  { apiBaseUrl: input.origin, uploadBaseUrl: `${input.origin}/api` },
);
const events = {
  emit: (event: string, payload: unknown) => {
    if (event === 'editing:changed') say({ edits: payload });
  },
};
const transfers = new TransferManager({ client, events, askNameClash: () => Promise.reject(new Error('no clashes')) });
const service = new EditingService({
  client,
  transfers,
  events,
  dataDir: input.dataDir,
  settleMs: 300,
  saveRetry: {
    maxAttempts: Infinity,
    baseDelaySeconds: 0.2,
    maxBackoffSeconds: 1,
    maxRetryAfterSeconds: 1,
    longerRetryAfter: 'cap',
    jitter: false,
  },
  openFile: (path) => {
    say({ opened: path });
    return Promise.resolve();
  },
});
await service.signedIn({ boxUserId: input.userId, name: input.userName });
if (input.open !== undefined) await service.open(input.open);
setInterval(() => undefined, 60_000);
