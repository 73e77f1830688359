import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintJwtApp, writeAppConfig, type BoxAppConfig } from './app-config.ts';
import { EmulatorControlClient } from './control-client.ts';
import { createDispatcher } from './dispatch.ts';
import { PendingSetting, type Emulator } from './emulator-state.ts';
import { FaultTable } from './faults.ts';
import { RepresentationState } from './representation-state.ts';
import { RequestLog } from './request-log.ts';
import { Router } from './router.ts';
import { collaborationRoutes } from './routes/collaborations.ts';
import { contentRoutes } from './routes/content.ts';
import { copyRoutes } from './routes/copy.ts';
import { controlRoutes } from './routes/control.ts';
import { fileRoutes } from './routes/files.ts';
import { folderRoutes } from './routes/folders.ts';
import { groupMembershipRoutes } from './routes/group-memberships.ts';
import { groupRoutes } from './routes/groups.ts';
import { representationRoutes } from './routes/representations.ts';
import { searchRoutes } from './routes/search.ts';
import { sharedItemRoutes } from './routes/shared-items.ts';
import { thumbnailRoutes } from './routes/thumbnails.ts';
import { tokenRoutes } from './routes/token.ts';
import { trashRoutes } from './routes/trash.ts';
import { uploadRoutes } from './routes/uploads.ts';
import { uploadSessionRoutes } from './routes/upload-sessions.ts';
import { userAdminRoutes } from './routes/user-admin.ts';
import { versionRoutes } from './routes/versions.ts';
import { userRoutes } from './routes/users.ts';
import { Store } from './store.ts';

export type { BoxAppConfig } from './app-config.ts';
export { EmulatorControlClient } from './control-client.ts';
export type { FaultSpec } from './faults.ts';
export type { LoggedRequest } from './request-log.ts';

export interface BoxEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Only loopback makes sense for a stand-in holding test credentials; default 127.0.0.1. */
  host?: string;
  /** Where to write the minted app's config JSON (as the Box developer console downloads it). */
  appConfigPath?: string;
  /** Lifetime of issued access tokens (default 3600 s, as Box). */
  tokenTtlSeconds?: number;
  /** Keep JSON response bodies in the request log (default false; conformance tests turn it on). */
  captureBodies?: boolean;
  /** Give every new user sample folders and files, for sandbox mode (default false). */
  demoContent?: boolean;
}

export interface BoxEmulator {
  /** `http://127.0.0.1:PORT`: box-node-sdk's baseUrl; uploadUrl is origin + '/api', oauth2Url origin + '/api/oauth2'. */
  origin: string;
  appConfig: BoxAppConfig;
  /** The enterprise's service account, the subject of enterprise tokens. */
  serviceAccountId: string;
  controls: EmulatorControlClient;
  close(): Promise<void>;
}

const SERVICE_ACCOUNT_NAME = 'Box SSO Desktop Service Account';

/** Starts a stateful, in-memory Box API on one origin (API, uploads, OAuth2 token, downloads). */
export async function startBoxEmulator(options: BoxEmulatorOptions = {}): Promise<BoxEmulator> {
  const host = options.host ?? '127.0.0.1';
  const app = mintJwtApp();
  const tempDir = await mkdtemp(join(tmpdir(), 'box-emulator-'));
  const store = new Store(app.config.enterpriseID, SERVICE_ACCOUNT_NAME);
  const emu: Emulator = {
    origin: '',
    app,
    store,
    faults: new FaultTable(),
    log: new RequestLog(options.captureBodies ?? false),
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    downloads: new Map(),
    sessions: new Map(),
    thumbnails: new PendingSetting(),
    commits: new PendingSetting(),
    representations: new RepresentationState(),
    enterprise: { openSharedLinksAllowed: true },
    tempDir,
    demoContent: options.demoContent ?? false,
  };
  const resetAll = (): void => {
    store.reset(SERVICE_ACCOUNT_NAME);
    emu.faults.clear();
    emu.log.clear();
    emu.downloads.clear();
    for (const session of emu.sessions.values()) void session.discard();
    emu.sessions.clear();
    emu.thumbnails = new PendingSetting();
    emu.commits = new PendingSetting();
    emu.representations.clear();
    emu.enterprise = { openSharedLinksAllowed: true };
  };
  const router = new Router();
  router.add([
    ...tokenRoutes(emu),
    ...userRoutes(emu),
    ...userAdminRoutes(emu),
    ...groupRoutes(emu),
    ...groupMembershipRoutes(emu),
    ...collaborationRoutes(emu),
    ...trashRoutes(emu),
    ...folderRoutes(emu),
    ...fileRoutes(emu),
    ...copyRoutes(emu),
    ...versionRoutes(emu),
    ...contentRoutes(emu),
    ...uploadRoutes(emu),
    ...uploadSessionRoutes(emu),
    ...searchRoutes(emu),
    ...sharedItemRoutes(emu),
    ...thumbnailRoutes(emu),
    ...representationRoutes(emu),
    ...controlRoutes(emu, resetAll),
  ]);
  const dispatch = createDispatcher(emu, router);
  // A failure while writing a reply (e.g. the client went away) ends that connection, never the process.
  const server = createServer((req, res) => {
    dispatch(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  emu.origin = `http://${host}:${port}`;
  if (options.appConfigPath) await writeAppConfig(options.appConfigPath, app.config);
  return {
    origin: emu.origin,
    appConfig: app.config,
    get serviceAccountId() {
      return store.serviceAccountId;
    },
    controls: new EmulatorControlClient(emu.origin),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
