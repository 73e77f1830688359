import type { BoxAppConfig } from './app-config.ts';
import type { ActiveFault, FaultSpec } from './faults.ts';
import type { LoggedRequest } from './request-log.ts';

/** The Box JSON of a user or an item, as seeding returns it. */
export type BoxJson = Record<string, unknown> & { id: string; type: string };

export interface SeedFileInput {
  ownerId?: string;
  /** Defaults to the owner's root folder `0`. */
  parentId?: string;
  name: string;
  /** Content as text, as base64, or a generated pattern of `size` bytes (with `seed`) that is never stored. */
  text?: string;
  base64?: string;
  size?: number;
  seed?: number;
  /** Content is a real PDF of this many pages (its text becomes the `extracted_text` rendition). */
  pdfPages?: number;
  /** The text Box would extract from this document (for office files whose bytes are a pattern). */
  documentText?: string;
}

/**
 * Keeps matching representations `pending` (for `pendingPolls` status reads per file and
 * representation, or until changed), makes them fail (`error`), or ready again (`success`).
 * `representation` is the key in the info URL: `pdf`, `extracted_text`, `jpg_320x320`, `png_paged_1024x1024`, ...
 */
export interface RepresentationRule {
  fileId?: string;
  representation?: string;
  state: 'pending' | 'error' | 'success';
  pendingPolls?: number;
}

export interface EmulatorSettings {
  /** Keep JSON response bodies in the request log (for conformance checks). */
  captureBodies?: boolean;
  /** The enterprise setting "allow open shared links" (default true); false refuses `access: open`. */
  openSharedLinksAllowed?: boolean;
  /** Answer this many thumbnail requests per file with `202` + `retry-after` before the image. */
  thumbnailPendingResponses?: number;
  thumbnailRetryAfterSeconds?: number;
  /** Answer this many commits per upload session with `202` + `retry-after` ("parts still processing"). */
  commitPendingResponses?: number;
  commitRetryAfterSeconds?: number;
}

/** A typed client for the emulator's test controls under `/_emulator/`. */
export class EmulatorControlClient {
  readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.origin}/_emulator${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator control ${method} ${path} failed: ${response.status} ${text}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  /** Drops all users, content, tokens, faults and logs; the app and its service account stay. */
  reset(): Promise<void> {
    return this.call('POST', '/reset');
  }

  app(): Promise<{ appConfig: BoxAppConfig; serviceAccountId: string }> {
    return this.call('GET', '/app');
  }

  /** Without `login` the user is an app user; with it, a managed user. `spaceAmount` -1 is unlimited storage. */
  createUser(input: { name: string; login?: string; externalAppUserId?: string; spaceAmount?: number }): Promise<BoxJson> {
    return this.call('POST', '/users', input);
  }

  createFolder(input: { ownerId?: string; parentId?: string; name: string }): Promise<BoxJson> {
    return this.call('POST', '/folders', input);
  }

  createFile(input: SeedFileInput): Promise<BoxJson & { sha1: string; size: number }> {
    return this.call('POST', '/files', input);
  }

  /** Seeds `count` items named `<namePrefix>-<n>` (files get `.txt`) into one folder. */
  seedItems(input: {
    ownerId?: string;
    parentId?: string;
    count: number;
    namePrefix?: string;
    kind?: 'file' | 'folder';
    size?: number;
  }): Promise<{ created: number }> {
    return this.call('POST', '/bulk-items', input);
  }

  /** A token minted without the OAuth dance, for tests of Box callers that do not own the sign-in. */
  issueToken(input: { userId?: string; scopes?: string[]; ttlSeconds?: number }): Promise<{ access_token: string }> {
    return this.call('POST', '/tokens', input);
  }

  addFault(fault: FaultSpec): Promise<ActiveFault> {
    return this.call('POST', '/faults', fault);
  }

  faults(): Promise<ActiveFault[]> {
    return this.call('GET', '/faults');
  }

  clearFaults(): Promise<void> {
    return this.call('DELETE', '/faults');
  }

  requests(sinceSeq = 0): Promise<LoggedRequest[]> {
    return this.call('GET', `/requests?since=${sinceSeq}`);
  }

  clearRequests(): Promise<void> {
    return this.call('DELETE', '/requests');
  }

  /** Calls per route key, e.g. `{ "POST /oauth2/token": 2 }`. */
  callCounts(): Promise<Record<string, number>> {
    return this.call('GET', '/call-counts');
  }

  representations(rule: RepresentationRule): Promise<void> {
    return this.call('PUT', '/representations', rule);
  }

  settings(settings: EmulatorSettings): Promise<void> {
    return this.call('PUT', '/settings', settings);
  }
}
