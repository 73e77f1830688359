import { authenticate } from '../access.ts';
import type { MembershipRecord } from '../collab-records.ts';
import type { Emulator } from '../emulator-state.ts';
import { BoxError, notFound } from '../errors.ts';
import { nestedId, readJson, stringField } from '../http-io.ts';
import type { RequestContext, Route } from '../router.ts';
import { fieldPicker } from '../serialize.ts';
import { membershipJson, offsetPage } from '../serialize-collab.ts';
import { nowIso } from '../store.ts';
import { invalidParameter } from '../user-input.ts';
import { groupOf } from './groups.ts';
import { requireAdmin } from './users.ts';

function readRole(value: string | undefined): MembershipRecord['role'] | undefined {
  if (value === undefined) return undefined;
  if (value !== 'member' && value !== 'admin') throw invalidParameter('role', "'role' must be member or admin");
  return value;
}

function membershipOf(emu: Emulator, id: string | undefined): MembershipRecord {
  const membership = emu.store.memberships.get(id ?? '');
  if (!membership) throw notFound();
  return membership;
}

export function groupMembershipRoutes(emu: Emulator): Route[] {
  const admin = (ctx: RequestContext) => requireAdmin(emu, authenticate(emu, ctx));
  const reply = (ctx: RequestContext, m: MembershipRecord, status = 200) => ({
    status,
    json: fieldPicker(ctx.url.searchParams.get('fields'))(membershipJson(emu.store, m)),
  });
  const list = (ctx: RequestContext, keep: (m: MembershipRecord) => boolean) => ({
    status: 200,
    json: offsetPage(
      [...emu.store.memberships.values()].filter(keep).map((m) => membershipJson(emu.store, m)),
      ctx.url.searchParams,
    ),
  });
  return [
    {
      method: 'POST',
      template: '/2.0/group_memberships',
      handler: async (ctx) => {
        admin(ctx);
        const body = await readJson(ctx.req);
        const userId = nestedId(body, 'user');
        const groupId = nestedId(body, 'group');
        if (userId === undefined) throw invalidParameter('user', "'user.id' is required");
        if (groupId === undefined) throw invalidParameter('group', "'group.id' is required");
        const user = emu.store.users.get(userId);
        if (!user) throw notFound('The user was not found');
        const group = groupOf(emu, groupId);
        for (const m of emu.store.memberships.values()) {
          if (m.userId === user.id && m.groupId === group.id) {
            throw new BoxError(409, 'conflict', 'The user is already a member of this group');
          }
        }
        const now = nowIso();
        const membership: MembershipRecord = {
          id: emu.store.newId(),
          userId: user.id,
          groupId: group.id,
          role: readRole(stringField(body, 'role')) ?? 'member',
          createdAt: now,
          modifiedAt: now,
        };
        emu.store.memberships.set(membership.id, membership);
        return reply(ctx, membership, 201);
      },
    },
    {
      method: 'GET',
      template: '/2.0/group_memberships/{group_membership_id}',
      handler: (ctx) => {
        admin(ctx);
        return reply(ctx, membershipOf(emu, ctx.params.group_membership_id));
      },
    },
    {
      method: 'PUT',
      template: '/2.0/group_memberships/{group_membership_id}',
      handler: async (ctx) => {
        admin(ctx);
        const membership = membershipOf(emu, ctx.params.group_membership_id);
        const role = readRole(stringField(await readJson(ctx.req), 'role'));
        if (role !== undefined) membership.role = role;
        membership.modifiedAt = nowIso();
        return reply(ctx, membership);
      },
    },
    {
      method: 'DELETE',
      template: '/2.0/group_memberships/{group_membership_id}',
      handler: (ctx) => {
        admin(ctx);
        emu.store.memberships.delete(membershipOf(emu, ctx.params.group_membership_id).id);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      template: '/2.0/groups/{group_id}/memberships',
      handler: (ctx) => {
        admin(ctx);
        const group = groupOf(emu, ctx.params.group_id);
        return list(ctx, (m) => m.groupId === group.id);
      },
    },
    {
      method: 'GET',
      template: '/2.0/users/{user_id}/memberships',
      handler: (ctx) => {
        const caller = authenticate(emu, ctx);
        const userId = ctx.params.user_id ?? '';
        if (caller.user.id !== userId) requireAdmin(emu, caller);
        if (!emu.store.users.has(userId)) throw notFound();
        return list(ctx, (m) => m.userId === userId);
      },
    },
  ];
}
