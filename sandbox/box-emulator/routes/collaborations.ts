import { accessItem, authenticate, type Caller } from '../access.ts';
import { COLLABORATION_ROLES, type CollaborationRecord, type CollaborationRole } from '../collab-records.ts';
import { collaboratorRole } from '../collaboration-access.ts';
import type { Emulator } from '../emulator-state.ts';
import { BoxError, notFound } from '../errors.ts';
import { readJson, stringField, type JsonObject } from '../http-io.ts';
import type { RequestContext, Route } from '../router.ts';
import { fieldPicker } from '../serialize.ts';
import { collaborationJson } from '../serialize-collab.ts';
import { nowIso, type ItemRecord } from '../store.ts';
import { invalidParameter } from '../user-input.ts';

const accessDenied = (): BoxError =>
  new BoxError(403, 'access_denied_insufficient_permissions', 'Access denied - insufficient permission');

function readRole(value: unknown): CollaborationRole {
  if (!COLLABORATION_ROLES.includes(value as CollaborationRole)) {
    throw invalidParameter('role', `'role' must be one of ${COLLABORATION_ROLES.join(', ')}`);
  }
  return value as CollaborationRole;
}

function objectField(body: JsonObject, key: string): JsonObject {
  const value = body[key];
  if (typeof value !== 'object' || value === null) throw invalidParameter(key, `'${key}' is required`);
  return value as JsonObject;
}

/** Owners, co-owners and editors invite and manage collaborators (Box's "Collaboration roles" guide). */
function requireManager(emu: Emulator, caller: Caller, item: ItemRecord): void {
  if (item.ownerId === caller.user.id) return;
  const role = collaboratorRole(emu.store, caller.user.id, item);
  if (role !== 'editor' && role !== 'co-owner') throw accessDenied();
}

function resolveAccessibleBy(emu: Emulator, body: JsonObject): CollaborationRecord['accessibleBy'] {
  const target = objectField(body, 'accessible_by');
  const id = typeof target.id === 'number' ? String(target.id) : stringField(target, 'id');
  if (target.type === 'group') {
    if (id === undefined || !emu.store.groups.has(id)) throw notFound('The group was not found');
    return { type: 'group', id };
  }
  if (target.type !== 'user') throw invalidParameter('accessible_by', "'accessible_by.type' must be user or group");
  const login = stringField(target, 'login');
  const user = id !== undefined ? emu.store.users.get(id) : login ? emu.store.findUserByLogin(login) : undefined;
  if (!user) throw notFound('The user was not found');
  return { type: 'user', id: user.id };
}

function collaborationOf(emu: Emulator, caller: Caller, id: string | undefined): CollaborationRecord {
  const collab = emu.store.collaborations.get(id ?? '');
  const item = collab ? emu.store.items.get(collab.itemId) : undefined;
  if (!collab || !item) throw notFound();
  const isAdmin = caller.user.id === emu.store.serviceAccountId && caller.token.scopes === null;
  const isCollaborator = collab.accessibleBy.type === 'user' && collab.accessibleBy.id === caller.user.id;
  if (!isAdmin && !isCollaborator && item.ownerId !== caller.user.id) requireManager(emu, caller, item);
  return collab;
}

export function collaborationRoutes(emu: Emulator): Route[] {
  const reply = (ctx: RequestContext, collab: CollaborationRecord, status = 200) => ({
    status,
    json: fieldPicker(ctx.url.searchParams.get('fields'))(collaborationJson(emu.store, collab)),
  });
  const listFor = (kind: 'file' | 'folder') => (ctx: RequestContext) => {
    const caller = authenticate(emu, ctx);
    const item = accessItem(emu, caller, kind, ctx.params[`${kind}_id`] ?? '', 'read');
    const entries = [...emu.store.collaborations.values()]
      .filter((c) => c.itemId === item.id)
      .map((c) => collaborationJson(emu.store, c));
    return { status: 200, json: { limit: 100, next_marker: null, prev_marker: null, entries } };
  };
  return [
    {
      method: 'POST',
      template: '/2.0/collaborations',
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        const body = await readJson(ctx.req);
        const target = objectField(body, 'item');
        const kind = target.type === 'file' ? 'file' : target.type === 'folder' ? 'folder' : undefined;
        const itemId = typeof target.id === 'number' ? String(target.id) : stringField(target, 'id');
        if (kind === undefined || itemId === undefined) throw invalidParameter('item', "'item' needs a type and an id");
        const item = accessItem(emu, caller, kind, itemId, 'share');
        // Box's "Common errors" guide: a root folder cannot be collaborated.
        if (item.parentId === null) {
          throw new BoxError(400, 'collaborations_not_available_on_root_folder', 'Root folder cannot be collaborated');
        }
        requireManager(emu, caller, item);
        const role = readRole(body.role);
        const accessibleBy = resolveAccessibleBy(emu, body);
        if (accessibleBy.type === 'user' && accessibleBy.id === item.ownerId) {
          throw new BoxError(400, 'bad_request', 'The owner of an item cannot be a collaborator on it');
        }
        for (const c of emu.store.collaborations.values()) {
          if (
            c.itemId === item.id &&
            c.accessibleBy.type === accessibleBy.type &&
            c.accessibleBy.id === accessibleBy.id
          ) {
            throw new BoxError(400, 'user_already_collaborator', 'User is already a collaborator');
          }
        }
        const now = nowIso();
        const expiresAt = stringField(body, 'expires_at') ?? null;
        const collab: CollaborationRecord = {
          id: emu.store.newId(),
          itemId: item.id,
          accessibleBy,
          role,
          createdBy: caller.user.id,
          createdAt: now,
          modifiedAt: now,
          expiresAt,
        };
        emu.store.collaborations.set(collab.id, collab);
        return reply(ctx, collab, 201);
      },
    },
    {
      method: 'GET',
      template: '/2.0/collaborations/{collaboration_id}',
      handler: (ctx) => reply(ctx, collaborationOf(emu, authenticate(emu, ctx), ctx.params.collaboration_id)),
    },
    {
      method: 'PUT',
      template: '/2.0/collaborations/{collaboration_id}',
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        const collab = collaborationOf(emu, caller, ctx.params.collaboration_id);
        const item = emu.store.items.get(collab.itemId);
        if (item) requireManager(emu, caller, item);
        collab.role = readRole((await readJson(ctx.req)).role);
        collab.modifiedAt = nowIso();
        return reply(ctx, collab);
      },
    },
    {
      method: 'DELETE',
      template: '/2.0/collaborations/{collaboration_id}',
      handler: (ctx) => {
        const caller = authenticate(emu, ctx);
        // A collaborator may leave; otherwise only someone who manages the item removes a collaborator.
        emu.store.collaborations.delete(collaborationOf(emu, caller, ctx.params.collaboration_id).id);
        return { status: 204 };
      },
    },
    { method: 'GET', template: '/2.0/files/{file_id}/collaborations', handler: listFor('file') },
    { method: 'GET', template: '/2.0/folders/{folder_id}/collaborations', handler: listFor('folder') },
  ];
}
