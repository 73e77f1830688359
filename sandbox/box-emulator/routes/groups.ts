import { authenticate } from '../access.ts';
import type { GroupLevel, GroupRecord } from '../collab-records.ts';
import type { Emulator } from '../emulator-state.ts';
import { BoxError, notFound } from '../errors.ts';
import { readJson, type JsonObject } from '../http-io.ts';
import type { RequestContext, Route } from '../router.ts';
import { fieldPicker } from '../serialize.ts';
import { collaborationJson, groupFull, offsetPage } from '../serialize-collab.ts';
import { nowIso } from '../store.ts';
import { invalidParameter } from '../user-input.ts';
import { requireAdmin } from './users.ts';

const LEVELS: readonly GroupLevel[] = ['admins_only', 'admins_and_members', 'all_managed_users'];

/** Checks a create or update body against the spec's limits; returns the fields to set. */
function readGroupFields(body: JsonObject): Partial<GroupRecord> {
  const fields: Partial<GroupRecord> = {};
  const text = (key: string, max: number): string | undefined => {
    const value = body[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.length > max) {
      throw invalidParameter(key, `'${key}' must be a string of at most ${max} characters`);
    }
    return value;
  };
  const level = (key: string): GroupLevel | undefined => {
    const value = body[key];
    if (value === undefined) return undefined;
    if (!LEVELS.includes(value as GroupLevel))
      throw invalidParameter(key, `'${key}' must be one of ${LEVELS.join(', ')}`);
    return value as GroupLevel;
  };
  const name = text('name', 255)?.trim();
  if (name !== undefined) fields.name = name;
  const description = text('description', 255);
  if (description !== undefined) fields.description = description;
  const provenance = text('provenance', 255);
  if (provenance !== undefined) fields.provenance = provenance;
  const sync = text('external_sync_identifier', 255);
  if (sync !== undefined) fields.externalSyncIdentifier = sync;
  const invitability = level('invitability_level');
  if (invitability !== undefined) fields.invitabilityLevel = invitability;
  const viewability = level('member_viewability_level');
  if (viewability !== undefined) fields.memberViewabilityLevel = viewability;
  return fields;
}

/** Group names are unique in an enterprise: Box answers `409 invalid_parameter` (its OpenAPI, `POST /groups`). */
function ensureNameFree(emu: Emulator, name: string, except?: GroupRecord): void {
  const wanted = name.toLowerCase();
  for (const group of emu.store.groups.values()) {
    if (group !== except && group.name.toLowerCase() === wanted) {
      throw new BoxError(409, 'invalid_parameter', 'A group with this name already exists');
    }
  }
}

export function groupOf(emu: Emulator, id: string | undefined): GroupRecord {
  const group = emu.store.groups.get(id ?? '');
  if (!group) throw notFound();
  return group;
}

function groupReply(ctx: RequestContext, group: GroupRecord, status = 200) {
  return { status, json: fieldPicker(ctx.url.searchParams.get('fields'))(groupFull(group)) };
}

export function groupRoutes(emu: Emulator): Route[] {
  const admin = (ctx: RequestContext) => requireAdmin(emu, authenticate(emu, ctx));
  return [
    {
      method: 'POST',
      template: '/2.0/groups',
      handler: async (ctx) => {
        admin(ctx);
        const fields = readGroupFields(await readJson(ctx.req));
        if (!fields.name) throw invalidParameter('name', "'name' is required");
        ensureNameFree(emu, fields.name);
        const now = nowIso();
        const group: GroupRecord = {
          id: emu.store.newId(),
          name: fields.name,
          description: '',
          provenance: '',
          externalSyncIdentifier: '',
          invitabilityLevel: 'admins_only',
          memberViewabilityLevel: 'admins_only',
          ...fields,
          createdAt: now,
          modifiedAt: now,
        };
        emu.store.groups.set(group.id, group);
        return groupReply(ctx, group, 201);
      },
    },
    {
      method: 'GET',
      template: '/2.0/groups',
      handler: (ctx) => {
        admin(ctx);
        const term = ctx.url.searchParams.get('filter_term')?.toLowerCase();
        const pick = fieldPicker(ctx.url.searchParams.get('fields'));
        const all = [...emu.store.groups.values()]
          .filter((g) => term === undefined || g.name.toLowerCase().startsWith(term))
          .map((g) => pick(groupFull(g)));
        return { status: 200, json: offsetPage(all, ctx.url.searchParams) };
      },
    },
    {
      method: 'GET',
      template: '/2.0/groups/{group_id}',
      handler: (ctx) => {
        admin(ctx);
        return groupReply(ctx, groupOf(emu, ctx.params.group_id));
      },
    },
    {
      method: 'PUT',
      template: '/2.0/groups/{group_id}',
      handler: async (ctx) => {
        admin(ctx);
        const group = groupOf(emu, ctx.params.group_id);
        const fields = readGroupFields(await readJson(ctx.req));
        if (fields.name !== undefined) {
          if (fields.name === '') throw invalidParameter('name', "'name' must not be empty");
          ensureNameFree(emu, fields.name, group);
        }
        Object.assign(group, fields, { modifiedAt: nowIso() });
        return groupReply(ctx, group);
      },
    },
    {
      method: 'DELETE',
      template: '/2.0/groups/{group_id}',
      handler: (ctx) => {
        admin(ctx);
        const group = groupOf(emu, ctx.params.group_id);
        const { store } = emu;
        for (const [id, m] of store.memberships) if (m.groupId === group.id) store.memberships.delete(id);
        for (const [id, c] of store.collaborations) {
          if (c.accessibleBy.type === 'group' && c.accessibleBy.id === group.id) store.collaborations.delete(id);
        }
        store.groups.delete(group.id);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      template: '/2.0/groups/{group_id}/collaborations',
      handler: (ctx) => {
        admin(ctx);
        const group = groupOf(emu, ctx.params.group_id);
        const all = [...emu.store.collaborations.values()]
          .filter((c) => c.accessibleBy.type === 'group' && c.accessibleBy.id === group.id)
          .map((c) => collaborationJson(emu.store, c));
        return { status: 200, json: offsetPage(all, ctx.url.searchParams) };
      },
    },
  ];
}
