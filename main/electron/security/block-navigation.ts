import type { WebContents } from 'electron';

/**
 * The app is a single page: any navigation or redirect of our window is an attack or a bug
 * (a link clicked in content, a compromised script), so all of them are refused, and
 * <webview> can never be attached.
 */
export function blockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
