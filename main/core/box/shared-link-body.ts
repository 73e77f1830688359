import { dateTimeFromString } from 'box-node-sdk/internal';
import type { UpdateSharedLinkOnFileRequestBody } from 'box-node-sdk/managers/sharedLinksFiles';
import type { UpdateSharedLinkOnFolderRequestBody } from 'box-node-sdk/managers/sharedLinksFolders';
import type { SharedLinkSettings } from '../../../common/box-file-operations.ts';

/**
 * The Share dialog's settings as Box's `shared_link` body. Box's rules shape it: a password only
 * on `open` links (so another level clears it), `can_download` as the one permission the dialog
 * offers, and `null` to clear a password or an expiry.
 */
export function sharedLinkBody(settings: SharedLinkSettings): UpdateSharedLinkOnFileRequestBody {
  const password = settings.access === 'open' ? settings.password : null;
  return {
    sharedLink: {
      access: settings.access,
      ...(password === undefined ? {} : { password }),
      // The SDK types `unshared_at` as a date only; it sends `null` through as is, which is how Box clears an expiry.
      unsharedAt: (settings.unsharedAt === null
        ? null
        : dateTimeFromString(settings.unsharedAt)) as unknown as ReturnType<typeof dateTimeFromString>,
      permissions: { canDownload: settings.canDownload },
    },
  };
}

/** The same body for a folder: the SDK's folder type leaves out `password: null`, which Box takes there too. */
export function folderSharedLinkBody(settings: SharedLinkSettings): UpdateSharedLinkOnFolderRequestBody {
  return sharedLinkBody(settings) as UpdateSharedLinkOnFolderRequestBody;
}
