import type { SessionState } from '../../common/session-state.ts';
import type { BoxBaseUrls } from './box-client/box-connection.ts';
import type { BoxTransport } from './box-client/box-transport.ts';
import type { RetryLimits } from './box-client/retry-policy.ts';
import { BoxService } from './box/box-service.ts';
import type { SessionManager } from './session/session-manager.ts';

/** Box's id for All Files, the folder the file browser opens on. */
const rootFolderId = '0';

/**
 * One BoxService per signed-in user: created at sign-in and dropped at sign-out, so that
 * nothing cached for one user (thumbnails, folder paths) is ever shown to the next.
 */
export function trackSignedInBoxService(
  session: SessionManager,
  baseUrls: BoxBaseUrls,
  transport: BoxTransport,
  /** Another kind of call's limits from the retry policy (bulk actions'); the file browser's by default. */
  retryLimits?: RetryLimits,
): {
  current: () => BoxService | null;
  stop: () => void;
} {
  let service: BoxService | null = null;
  let userId: string | null = null;
  const update = (state: SessionState) => {
    const signedInAs = state.status === 'signed-in' ? state.user.boxUserId : null;
    if (signedInAs === userId) return;
    userId = signedInAs;
    service =
      signedInAs === null
        ? null
        : new BoxService({
            tokenSource: session.boxTokens,
            baseUrls,
            transport,
            ...(retryLimits === undefined ? {} : { retryLimits }),
          });
    // The first screen is All Files: its first page is on its way while the window still loads (bench/launch).
    service?.listAhead(rootFolderId);
  };
  update(session.state);
  const stop = session.onChange(update);
  return { current: () => service, stop };
}
