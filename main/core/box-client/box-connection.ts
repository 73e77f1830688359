import type { BoxClient } from 'box-node-sdk';
import { FilesManager } from 'box-node-sdk/managers/files';
import { FileVersionsManager } from 'box-node-sdk/managers/fileVersions';
import { FoldersManager } from 'box-node-sdk/managers/folders';
import { SearchManager } from 'box-node-sdk/managers/search';
import { SharedLinksFilesManager } from 'box-node-sdk/managers/sharedLinksFiles';
import { SharedLinksFoldersManager } from 'box-node-sdk/managers/sharedLinksFolders';
import { TrashedFilesManager } from 'box-node-sdk/managers/trashedFiles';
import { TrashedFoldersManager } from 'box-node-sdk/managers/trashedFolders';
import { TrashedItemsManager } from 'box-node-sdk/managers/trashedItems';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import type { BoxAccessTokenSource } from './box-access-token-source.ts';
import { directTransport, type BoxTransport } from './box-transport.ts';
import { guardCutShortResponses } from './cut-short-response-guard.ts';
import { boxRetryPolicy, type RetryLimits } from './retry-policy.ts';
import { ScopedTokenAuth } from './scoped-token-auth.ts';
import { SdkRetryStrategy } from './sdk-retry-strategy.ts';

/**
 * Where Box lives, in box-node-sdk's form (the SDK appends `/2.0/...`): Box's own hosts by
 * default (from the settings), the emulator's origin in tests and sandbox mode (uploads at origin + '/api').
 */
export interface BoxBaseUrls {
  apiBaseUrl: string;
  uploadBaseUrl: string;
}

export interface BoxConnectionOptions {
  tokenSource: BoxAccessTokenSource;
  baseUrls: BoxBaseUrls;
  /** Changes to the policy's limits for SDK calls (tests shorten the waits). */
  retryLimits?: Partial<RetryLimits>;
  /** Per-request timeout; a stalled connection must end in an "offline" message, not a spinner forever. */
  timeoutMs?: number;
  transport?: BoxTransport;
}

/**
 * The SDK's managers the app calls. Not the SDK's BoxClient: it builds every one of Box's ~100
 * managers, and loading them all costs the app about 23 MB of memory and a second of start-up
 * on a slow machine (docs/launch.md). A manager used elsewhere is added here.
 */
export type BoxApiClient = Pick<
  BoxClient,
  | 'files'
  | 'folders'
  | 'search'
  | 'trashedFiles'
  | 'trashedFolders'
  | 'trashedItems'
  | 'fileVersions'
  | 'sharedLinksFiles'
  | 'sharedLinksFolders'
>;

export interface BoxConnection {
  client: BoxApiClient;
  auth: ScopedTokenAuth;
  networkSession: NetworkSession;
}

/** One SDK client with our auth, the retry policy for SDK calls, the transport and the injected base URLs. */
export function createBoxConnection(options: BoxConnectionOptions): BoxConnection {
  const urls = options.baseUrls;
  const auth = new ScopedTokenAuth(options.tokenSource);
  const agent = (options.transport ?? directTransport).sdkAgent;
  const networkSession = new NetworkSession({
    // The desktop never calls the OAuth2 endpoints (the backend does); the SDK insists on a value.
    baseUrls: new BaseUrls({
      baseUrl: urls.apiBaseUrl,
      uploadUrl: urls.uploadBaseUrl,
      oauth2Url: `${urls.apiBaseUrl}/oauth2`,
    }),
    retryStrategy: new SdkRetryStrategy({ ...boxRetryPolicy.sdkCalls, ...options.retryLimits }),
    timeoutConfig: { timeoutMs: options.timeoutMs ?? boxRetryPolicy.deadlines.sdkCallMs },
    ...(agent === undefined ? {} : { agent }),
  });
  guardCutShortResponses(networkSession.agent);
  const managers = { auth, networkSession };
  const client: BoxApiClient = {
    files: new FilesManager(managers),
    folders: new FoldersManager(managers),
    search: new SearchManager(managers),
    trashedFiles: new TrashedFilesManager(managers),
    trashedFolders: new TrashedFoldersManager(managers),
    trashedItems: new TrashedItemsManager(managers),
    fileVersions: new FileVersionsManager(managers),
    sharedLinksFiles: new SharedLinksFilesManager(managers),
    sharedLinksFolders: new SharedLinksFoldersManager(managers),
  };
  return { client, auth, networkSession };
}
