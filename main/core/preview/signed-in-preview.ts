import type { SessionState } from '../../../common/session-state.ts';
import { BoxHttp } from '../box-client/box-http.ts';
import type { BoxTransport } from '../box-client/box-transport.ts';
import type { SessionManager } from '../session/session-manager.ts';
import { PreviewService } from './preview-service.ts';

/**
 * One PreviewService per signed-in user, dropped at sign-out, so that what it remembers about
 * one user's files (representation URLs, content types) never serves the next user.
 */
export function trackSignedInPreviewService(
  session: SessionManager,
  options: { apiBaseUrl: string; previewUrlBase: string; transport: BoxTransport },
): { current: () => PreviewService | null; userId: () => string | null; stop: () => void } {
  let service: PreviewService | null = null;
  let userId: string | null = null;
  const update = (state: SessionState) => {
    const signedInAs = state.status === 'signed-in' ? state.user.boxUserId : null;
    if (signedInAs === userId) return;
    userId = signedInAs;
    service =
      signedInAs === null
        ? null
        : new PreviewService({
            http: new BoxHttp(session.boxTokens, options.transport),
            apiBaseUrl: options.apiBaseUrl,
            previewUrlBase: options.previewUrlBase,
          });
  };
  update(session.state);
  const stop = session.onChange(update);
  return { current: () => service, userId: () => userId, stop };
}
