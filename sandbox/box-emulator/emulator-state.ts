import type { MintedApp } from './app-config.ts';
import type { FaultTable } from './faults.ts';
import type { RequestLog } from './request-log.ts';
import type { Store } from './store.ts';
import type { UploadSessionRecord } from './upload-session-store.ts';

export interface ThumbnailSettings {
  /** How many requests per file answer `202` ("generating") before the image is ready. */
  pendingResponses: number;
  retryAfterSeconds: number;
  seen: Map<string, number>;
}

/** Everything the route handlers share. */
export interface Emulator {
  origin: string;
  app: MintedApp;
  store: Store;
  faults: FaultTable;
  log: RequestLog;
  tokenTtlSeconds: number;
  /** One-time download URLs (`/d/{ticket}`) → the file version they serve. */
  downloads: Map<string, { fileId: string; versionId: string; expiresAt: number }>;
  sessions: Map<string, UploadSessionRecord>;
  thumbnails: ThumbnailSettings;
  /** Where chunked-upload parts are written. */
  tempDir: string;
}
