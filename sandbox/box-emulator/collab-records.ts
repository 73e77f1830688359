/** Groups, their memberships and collaborations: who besides an item's owner may reach it. */

export type GroupLevel = 'admins_only' | 'admins_and_members' | 'all_managed_users';

export interface GroupRecord {
  id: string;
  name: string;
  description: string;
  provenance: string;
  externalSyncIdentifier: string;
  invitabilityLevel: GroupLevel;
  memberViewabilityLevel: GroupLevel;
  createdAt: string;
  modifiedAt: string;
}

export interface MembershipRecord {
  id: string;
  userId: string;
  groupId: string;
  role: 'member' | 'admin';
  createdAt: string;
  modifiedAt: string;
}

export const COLLABORATION_ROLES = [
  'editor',
  'viewer',
  'previewer',
  'uploader',
  'previewer uploader',
  'viewer uploader',
  'co-owner',
] as const;

export type CollaborationRole = (typeof COLLABORATION_ROLES)[number];

export interface CollaborationRecord {
  id: string;
  itemId: string;
  accessibleBy: { type: 'user' | 'group'; id: string };
  role: CollaborationRole;
  createdBy: string;
  createdAt: string;
  modifiedAt: string;
  expiresAt: string | null;
}
