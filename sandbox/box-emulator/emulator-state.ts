import type { MintedApp } from './app-config.ts';
import type { FaultTable } from './faults.ts';
import type { RepresentationState } from './representation-state.ts';
import type { RequestLog } from './request-log.ts';
import type { Store } from './store.ts';
import type { UploadSessionRecord } from './upload-session-store.ts';

/**
 * "Not ready yet" behaviour a test switches on: the first `pendingResponses` requests per
 * resource answer `202` with `retry-after` before the real answer.
 */
export class PendingSetting {
  pendingResponses = 0;
  retryAfterSeconds = 1;
  private readonly seen = new Map<string, number>();

  /** Counts a request for `key`; true while it should still be answered with `202`. */
  stillPending(key: string): boolean {
    const seen = this.seen.get(key) ?? 0;
    if (seen >= this.pendingResponses) return false;
    this.seen.set(key, seen + 1);
    return true;
  }
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
  /** Thumbnails "generating" (per file). */
  thumbnails: PendingSetting;
  /** Rendition sources of seeded documents, and which renditions a test keeps pending or failed. */
  representations: RepresentationState;
  /** Enterprise settings a test changes: whether `open` shared links are allowed. */
  enterprise: { openSharedLinksAllowed: boolean };
  /** Upload-session commits "still processing parts" (per session). */
  commits: PendingSetting;
  /** Where chunked-upload parts are written. */
  tempDir: string;
  /** Give every new user sample folders and files (sandbox mode). */
  demoContent: boolean;
}
