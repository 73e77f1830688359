import type { CollaborationRecord, GroupRecord, MembershipRecord } from './collab-records.ts';
import { itemMini, userMini } from './serialize.ts';
import type { Store } from './store.ts';

type Json = Record<string, unknown>;

export function groupMini(group: GroupRecord): Json {
  return { type: 'group', id: group.id, name: group.name, group_type: 'managed_group' };
}

export function groupFull(group: GroupRecord): Json {
  return {
    ...groupMini(group),
    created_at: group.createdAt,
    modified_at: group.modifiedAt,
    provenance: group.provenance,
    external_sync_identifier: group.externalSyncIdentifier,
    description: group.description,
    invitability_level: group.invitabilityLevel,
    member_viewability_level: group.memberViewabilityLevel,
    permissions: { can_invite_as_collaborator: group.invitabilityLevel !== 'admins_only' },
  };
}

const unknownUser = (id: string): Json => ({ type: 'user', id, name: '', login: '' });

export function membershipJson(store: Store, membership: MembershipRecord): Json {
  const user = store.users.get(membership.userId);
  const group = store.groups.get(membership.groupId);
  return {
    type: 'group_membership',
    id: membership.id,
    user: user ? userMini(user) : unknownUser(membership.userId),
    group: group ? groupMini(group) : { type: 'group', id: membership.groupId },
    role: membership.role,
    created_at: membership.createdAt,
    modified_at: membership.modifiedAt,
  };
}

export function collaborationJson(store: Store, collab: CollaborationRecord): Json {
  const item = store.items.get(collab.itemId);
  const { type, id } = collab.accessibleBy;
  const user = type === 'user' ? store.users.get(id) : undefined;
  const group = type === 'group' ? store.groups.get(id) : undefined;
  const creator = store.users.get(collab.createdBy);
  return {
    type: 'collaboration',
    id: collab.id,
    item: item ? itemMini(item) : null,
    accessible_by: user ? userMini(user) : group ? groupMini(group) : { type, id },
    invite_email: null,
    role: collab.role,
    expires_at: collab.expiresAt,
    is_access_only: false,
    status: 'accepted',
    acknowledged_at: collab.createdAt,
    created_by: creator ? userMini(creator) : unknownUser(collab.createdBy),
    created_at: collab.createdAt,
    modified_at: collab.modifiedAt,
  };
}

/** Box's offset-paged list shape (`total_count`, `limit`, `offset`, `entries`). */
export function offsetPage(all: Json[], query: URLSearchParams, maxLimit = 1000): Json {
  const limit = Math.min(Math.max(1, Number(query.get('limit') ?? 100) || 100), maxLimit);
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  return { total_count: all.length, limit, offset, entries: all.slice(offset, offset + limit) };
}
