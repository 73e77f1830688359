import type { CollaborationRole } from './collab-records.ts';
import type { Operation } from './scopes.ts';
import type { ItemRecord, Store } from './store.ts';

/** Which operations each collaboration role allows (Box's "Collaboration roles" guide). */
const ROLE_OPERATIONS: Record<CollaborationRole, readonly Operation[]> = {
  'co-owner': ['read', 'download', 'preview', 'upload', 'rename', 'delete', 'share'],
  editor: ['read', 'download', 'preview', 'upload', 'rename', 'delete', 'share'],
  'viewer uploader': ['read', 'download', 'preview', 'upload', 'share'],
  'previewer uploader': ['read', 'preview', 'upload'],
  viewer: ['read', 'download', 'preview', 'share'],
  previewer: ['read', 'preview'],
  uploader: ['read', 'upload'],
};

const RANK: readonly CollaborationRole[] = [
  'uploader',
  'previewer',
  'previewer uploader',
  'viewer',
  'viewer uploader',
  'editor',
  'co-owner',
];

export function roleAllows(role: CollaborationRole, operation: Operation): boolean {
  return ROLE_OPERATIONS[role].includes(operation);
}

export function groupIdsOf(store: Store, userId: string): Set<string> {
  const ids = new Set<string>();
  for (const membership of store.memberships.values()) if (membership.userId === userId) ids.add(membership.groupId);
  return ids;
}

/**
 * The strongest role `userId` holds on `item` through a collaboration on it or on a folder above
 * it, directly or through a group; `undefined` when none (collaborations cascade down the tree).
 */
export function collaboratorRole(store: Store, userId: string, item: ItemRecord): CollaborationRole | undefined {
  if (store.collaborations.size === 0) return undefined;
  const chain = new Set([item.id, ...store.ancestors(item).map((a) => a.id)]);
  const groups = groupIdsOf(store, userId);
  const now = Date.now();
  let best: CollaborationRole | undefined;
  for (const collab of store.collaborations.values()) {
    if (!chain.has(collab.itemId)) continue;
    if (collab.expiresAt !== null && Date.parse(collab.expiresAt) <= now) continue;
    const { type, id } = collab.accessibleBy;
    if (!(type === 'user' ? id === userId : groups.has(id))) continue;
    if (best === undefined || RANK.indexOf(collab.role) > RANK.indexOf(best)) best = collab.role;
  }
  return best;
}

export function hasCollaborations(store: Store, item: ItemRecord): boolean {
  for (const collab of store.collaborations.values()) if (collab.itemId === item.id) return true;
  return false;
}
