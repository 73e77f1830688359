/**
 * Who may talk to main: only our own window's main frame, loaded from our own origin
 * (VS Code's validated-IPC idea). A subframe, a navigated-away page or a foreign origin
 * is rejected even though it shares the same preload.
 */
export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Custom schemes such as app://bundle have an opaque `origin` ("null") in WHATWG URL.
    return parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isTrustedSender(frame: SenderFrame | null | undefined, allowedOrigins: readonly string[]): boolean {
  if (!frame || !frame.isMainFrame) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.includes(origin);
}
