import { authenticate } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import { BoxError, badRequest, notFound } from '../errors.ts';
import { nestedId, readJson } from '../http-io.ts';
import type { Route } from '../router.ts';
import { folderFull, pickFields } from '../serialize.ts';
import { nowIso, type FolderRecord, type UserRecord } from '../store.ts';
import { applyUserChanges, readUserChanges } from '../user-input.ts';
import { ensureExternalIdFree, requireAdmin, userJson } from './users.ts';

function targetUser(emu: Emulator, id: string | undefined): UserRecord {
  const user = emu.store.users.get(id ?? '');
  if (!user) throw notFound();
  if (user.kind === 'service') throw new BoxError(403, 'forbidden', 'The service account cannot be changed');
  return user;
}

function ownsContent(emu: Emulator, user: UserRecord): boolean {
  for (const item of emu.store.items.values()) if (item.ownerId === user.id && item.parentId !== null) return true;
  return false;
}

/** Drops a user and everything that belongs to them: content, tokens, memberships, collaborations. */
function removeUser(emu: Emulator, user: UserRecord): void {
  const { store } = emu;
  for (const [id, item] of store.items) if (item.ownerId === user.id) store.items.delete(id);
  for (const [token, record] of store.tokens) if (record.userId === user.id) store.tokens.delete(token);
  for (const [id, m] of store.memberships) if (m.userId === user.id) store.memberships.delete(id);
  for (const [id, c] of store.collaborations) {
    const owner = store.items.get(c.itemId)?.ownerId;
    if (owner === undefined || (c.accessibleBy.type === 'user' && c.accessibleBy.id === user.id)) {
      store.collaborations.delete(id);
    }
  }
  store.users.delete(user.id);
}

/** Box names the folder that receives a user's content "<login> - <name>'s Files and Folders". */
function transferFolderName(destinationRoot: FolderRecord, emu: Emulator, source: UserRecord): string {
  const base = `${source.login} - ${source.name}'s Files and Folders`;
  let name = base;
  for (let n = 1; emu.store.childByName(destinationRoot, name); n += 1) name = `${base} (${n})`;
  return name;
}

/**
 * `PUT /users/{id}/folders/0`: moves everything the user owns, trash included, into a new folder
 * in the destination user's root, which then owns it (Box guide "Deprovision users").
 */
function transferOwnedContent(emu: Emulator, source: UserRecord, destination: UserRecord): FolderRecord {
  const { store } = emu;
  const sourceRoot = store.folder(source.rootFolderId);
  const destinationRoot = store.folder(destination.rootFolderId);
  if (!sourceRoot || !destinationRoot) throw notFound();
  const now = nowIso();
  const folder: FolderRecord = {
    kind: 'folder',
    id: store.newId(),
    name: transferFolderName(destinationRoot, emu, source),
    parentId: destinationRoot.id,
    ownerId: destination.id,
    description: '',
    createdAt: now,
    modifiedAt: now,
    sequence: 0,
    children: new Map(),
  };
  store.items.set(folder.id, folder);
  store.attach(folder, destinationRoot);
  for (const item of store.items.values()) {
    if (item.ownerId !== source.id || item === sourceRoot) continue;
    item.ownerId = destination.id;
    if (item.parentId === sourceRoot.id) item.parentId = folder.id;
  }
  for (const [key, childId] of sourceRoot.children) folder.children.set(key, childId);
  sourceRoot.children.clear();
  store.touch(sourceRoot);
  return folder;
}

export function userAdminRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'PUT',
      template: '/2.0/users/{user_id}',
      handler: async (ctx) => {
        requireAdmin(emu, authenticate(emu, ctx));
        const user = targetUser(emu, ctx.params.user_id);
        const changes = readUserChanges(await readJson(ctx.req));
        if (changes.externalAppUserId !== undefined) ensureExternalIdFree(emu, changes.externalAppUserId, user);
        applyUserChanges(user, changes, nowIso());
        return { status: 200, json: userJson(emu, user, ctx.url.searchParams.get('fields')) };
      },
    },
    {
      method: 'DELETE',
      template: '/2.0/users/{user_id}',
      handler: (ctx) => {
        requireAdmin(emu, authenticate(emu, ctx));
        const user = targetUser(emu, ctx.params.user_id);
        // Box refuses to delete a user who still owns content unless `force` is set (Box guide "Delete user").
        if (ctx.url.searchParams.get('force') !== 'true' && ownsContent(emu, user)) {
          throw badRequest('User has managed content');
        }
        removeUser(emu, user);
        return { status: 204 };
      },
    },
    {
      method: 'PUT',
      template: '/2.0/users/{user_id}/folders/0',
      handler: async (ctx) => {
        requireAdmin(emu, authenticate(emu, ctx));
        const source = targetUser(emu, ctx.params.user_id);
        const destinationId = nestedId(await readJson(ctx.req), 'owned_by');
        if (destinationId === undefined) throw badRequest("Bad Request: 'owned_by' is required");
        const destination = emu.store.users.get(destinationId);
        if (!destination) throw notFound('The destination user was not found');
        if (destination === source) throw badRequest('Content cannot be transferred to the same user');
        const folder = transferOwnedContent(emu, source, destination);
        return { status: 200, json: pickFields(folderFull(emu.store, folder), ctx.url.searchParams.get('fields')) };
      },
    },
  ];
}
