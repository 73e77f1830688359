/**
 * Typed access to main from the renderer. Results arrive as IpcResult envelopes; this turns
 * a failure back into an AppError so components can show its message.
 */
import { AppError } from '../../../common/app-error.ts';
import {
  bridgeGlobalName,
  type BoxDesktopBridge,
  type EventChannel,
  type EventChannels,
  type PageRequestChannel,
  type RequestOf,
  type ResponseOf,
} from '../../../common/ipc-contract.ts';
import type { TransferSnapshot } from '../../../common/transfers.ts';

function bridge(): BoxDesktopBridge {
  const candidate = (window as unknown as Record<string, BoxDesktopBridge | undefined>)[bridgeGlobalName];
  if (!candidate)
    throw new AppError('internal', 'The app bridge is missing. Restart Box SSO Desktop.', { wording: 'default' });
  return candidate;
}

export async function invoke<C extends PageRequestChannel>(
  channel: C,
  ...request: RequestOf<C> extends void ? [] : [RequestOf<C>]
): Promise<ResponseOf<C>> {
  const result = await bridge().invoke(channel, ...request);
  if (!result.ok) throw AppError.fromInfo(result.error);
  return result.value;
}

/** What a failed request is for the screens: its AppError, or `internal` for anything the bridge itself threw. */
export function asAppError(error: unknown): AppError {
  return error instanceof AppError
    ? error
    : new AppError('internal', 'Something went wrong. Try again.', { wording: 'default' });
}

export function subscribe<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void {
  return bridge().on(event, listener);
}

/** Uploads dropped files; resolves [] when none has a local path (then offer the open dialog). */
export async function uploadDroppedFiles(folderId: string, files: readonly File[]): Promise<TransferSnapshot[]> {
  const result = await bridge().uploadDroppedFiles(folderId, files);
  if (!result.ok) throw AppError.fromInfo(result.error);
  return result.value;
}
