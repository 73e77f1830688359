import type { UpdateStatus } from '../../../common/update-status.ts';

const disabledReasons: Record<Extract<UpdateStatus, { state: 'disabled' }>['reason'], string> = {
  policy: 'Automatic updates are turned off by your organization. Your IT department installs new versions.',
  'no-update-url': 'Automatic updates are not set up. Your IT department installs new versions.',
  'per-machine-install':
    'This app is installed for all users of this computer, so your IT department installs its updates.',
  development: 'This is a development build; it does not update itself.',
  'configuration-error': 'Updates wait until the configuration is fixed.',
};

/** One sentence for the updater's state, saying what happens next. */
export function updateStatusText(status: UpdateStatus): string {
  switch (status.state) {
    case 'disabled':
      return disabledReasons[status.reason];
    case 'idle':
      return 'Updates are checked automatically.';
    case 'checking':
      return 'Checking for updates…';
    case 'up-to-date':
      return `Up to date (checked ${new Date(status.checkedAt).toLocaleString()}).`;
    case 'not-in-rollout':
      return `Version ${status.version} is being rolled out gradually; it will reach you soon.`;
    case 'downloading':
      return `Downloading version ${status.version}…`;
    case 'ready':
      return `Version ${status.version} is ready and installs when you quit the app.`;
    case 'error':
      return `The last check failed: ${status.message}`;
  }
}
