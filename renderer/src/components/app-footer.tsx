import type { AppInfo } from '../../../common/ipc-contract.ts';

const platformNames: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

export function AppFooter({ info }: { info: AppInfo | null }) {
  return (
    <footer className="app-footer" aria-label="About this app">
      {info ? (
        <span data-testid="app-info">
          {info.name} {info.version} · {platformNames[info.platform] ?? info.platform}
        </span>
      ) : (
        <span>Loading…</span>
      )}
    </footer>
  );
}
