import { i18n, intlLocale, localized } from '../i18n/i18n.ts';
import type { UpdateStatus } from '../../../common/update-status.ts';

/** One sentence for the updater's state, saying what happens next. */
export function updateStatusText(status: UpdateStatus): string {
  switch (status.state) {
    case 'disabled':
      return i18n.t(`updates.disabled.${status.reason}`);
    case 'idle':
      return i18n.t('updates.idle');
    case 'checking':
      return i18n.t('updates.checking');
    case 'up-to-date':
      return i18n.t('updates.upToDate', {
        when: localized(
          new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
            new Date(status.checkedAt),
          ),
        ),
      });
    case 'not-in-rollout':
      return i18n.t('updates.notInRollout', { version: status.version });
    case 'downloading':
      return i18n.t('updates.downloading', { version: status.version });
    case 'ready':
      return i18n.t('updates.ready', { version: status.version });
    case 'error':
      // The updater's own words (electron-updater's), which the app has no catalog for.
      return i18n.t('updates.failed', { reason: status.message });
  }
}
