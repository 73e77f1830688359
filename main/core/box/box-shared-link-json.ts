/** An item's `shared_link` (and what the user may choose for it) → what the Share dialog shows. */
import { z } from 'zod';
import {
  sharedLinkAccessLevels,
  type BoxSharedLink,
  type BoxSharingState,
  type SharedLinkAccess,
} from '../../../common/box-file-operations.ts';

export const sharingFields = ['shared_link', 'permissions', 'allowed_shared_link_access_levels'] as const;
export const sharedLinkFields = ['shared_link'] as const;

const accessSchema = z.enum(sharedLinkAccessLevels);
const linkSchema = z.object({
  url: z.string(),
  access: accessSchema.nullish(),
  effective_access: accessSchema.nullish(),
  unshared_at: z.string().nullish(),
  is_password_enabled: z.boolean().nullish(),
  permissions: z.object({ can_download: z.boolean().nullish() }).nullish(),
});

export const sharingSchema = z.object({
  shared_link: linkSchema.nullish(),
  permissions: z.object({ can_share: z.boolean().nullish() }).nullish(),
  // Other levels Box may add are not offered: the dialog knows only these three.
  allowed_shared_link_access_levels: z.array(z.string()).nullish(),
});

export function toSharedLink(json: z.infer<typeof linkSchema> | null | undefined): BoxSharedLink | null {
  if (!json) return null;
  return {
    url: json.url,
    access: json.access ?? json.effective_access ?? 'open',
    unsharedAt: json.unshared_at ?? null,
    passwordEnabled: json.is_password_enabled === true,
    canDownload: json.permissions?.can_download !== false,
  };
}

export function toSharingState(json: z.infer<typeof sharingSchema>): BoxSharingState {
  const allowed = json.allowed_shared_link_access_levels;
  return {
    link: toSharedLink(json.shared_link),
    // Box answers the levels for folders only (and none for the root, which cannot be shared).
    allowedAccess:
      allowed == null
        ? [...sharedLinkAccessLevels]
        : sharedLinkAccessLevels.filter((level: SharedLinkAccess) => allowed.includes(level)),
    canShare: json.permissions?.can_share !== false,
  };
}
