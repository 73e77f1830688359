import { bufferSource, patternSource } from '../content.ts';
import { reportPdf, reportText } from '../demo-documents.ts';
import type { Emulator } from '../emulator-state.ts';
import { badRequest, notFound } from '../errors.ts';
import type { FaultSpec } from '../faults.ts';
import { readJson, stringField, type JsonObject } from '../http-io.ts';
import { createFile, createFolder } from '../items.ts';
import type { Route } from '../router.ts';
import type { RepRule } from '../representation-state.ts';
import { isKnownScope } from '../scopes.ts';
import { itemFull, userFull } from '../serialize.ts';
import { randomId, type FolderRecord } from '../store.ts';
import { createUser } from './users.ts';

/** The prefix of the test-only control API; nothing under it is counted, logged or faulted. */
export const CONTROL_PREFIX = '/_emulator';

function numberField(body: JsonObject, key: string): number | undefined {
  const value = body[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function targetFolder(emu: Emulator, body: JsonObject): FolderRecord {
  const ownerId = stringField(body, 'ownerId') ?? emu.store.serviceAccountId;
  if (!emu.store.users.has(ownerId)) throw notFound('No such user');
  const folder = emu.store.folder(emu.store.resolveFolderId(ownerId, stringField(body, 'parentId') ?? '0'));
  if (!folder || folder.ownerId !== ownerId) throw notFound('No such folder for that user');
  return folder;
}

/** Content from `text`, `base64`, a real PDF of `pdfPages` pages, or a generated pattern of `size` bytes (never stored). */
function contentOf(body: JsonObject) {
  const pdfPages = numberField(body, 'pdfPages');
  if (pdfPages !== undefined) return bufferSource(reportPdf(stringField(body, 'name') ?? 'Report', pdfPages));
  const text = stringField(body, 'text');
  if (text !== undefined) return bufferSource(Buffer.from(text, 'utf8'));
  const base64 = stringField(body, 'base64');
  if (base64 !== undefined) return bufferSource(Buffer.from(base64, 'base64'));
  return patternSource(numberField(body, 'size') ?? 0, numberField(body, 'seed') ?? 0);
}

function readRepRule(body: JsonObject): RepRule {
  const state = stringField(body, 'state');
  if (state !== 'pending' && state !== 'error' && state !== 'success') {
    throw badRequest('A representation rule needs state pending, error or success');
  }
  const fileId = stringField(body, 'fileId');
  const representation = stringField(body, 'representation');
  const pendingPolls = numberField(body, 'pendingPolls');
  return {
    state,
    ...(fileId === undefined ? {} : { fileId }),
    ...(representation === undefined ? {} : { representation }),
    ...(pendingPolls === undefined ? {} : { pendingPolls }),
  };
}

export function controlRoutes(emu: Emulator, resetAll: () => void): Route[] {
  const route = (method: string, path: string, handler: Route['handler']): Route => ({
    method,
    template: `${CONTROL_PREFIX}${path}`,
    handler,
  });
  return [
    route('POST', '/reset', () => {
      resetAll();
      return { status: 204 };
    }),
    route('GET', '/app', () => ({
      status: 200,
      json: { appConfig: emu.app.config, serviceAccountId: emu.store.serviceAccountId },
    })),
    route('POST', '/users', async ({ req }) => {
      const body = await readJson(req);
      const externalAppUserId = stringField(body, 'externalAppUserId');
      const spaceAmount = numberField(body, 'spaceAmount');
      const user = createUser(emu, {
        name: stringField(body, 'name'),
        login: stringField(body, 'login'),
        isPlatformAccessOnly: stringField(body, 'login') === undefined,
        ...(externalAppUserId === undefined ? {} : { externalAppUserId }),
        ...(spaceAmount === undefined ? {} : { spaceAmount }),
      });
      return { status: 201, json: userFull(emu.store, user) };
    }),
    route('POST', '/folders', async ({ req }) => {
      const body = await readJson(req);
      const folder = createFolder(emu, targetFolder(emu, body), stringField(body, 'name') ?? '');
      return { status: 201, json: itemFull(emu.store, folder) };
    }),
    route('POST', '/files', async ({ req }) => {
      const body = await readJson(req);
      const file = createFile(emu, targetFolder(emu, body), stringField(body, 'name') ?? '', contentOf(body));
      const pdfPages = numberField(body, 'pdfPages');
      const documentText =
        stringField(body, 'documentText') ?? (pdfPages === undefined ? undefined : reportText(pdfPages));
      if (documentText !== undefined) emu.representations.sources.set(file.id, { text: documentText });
      return { status: 201, json: itemFull(emu.store, file) };
    }),
    route('POST', '/bulk-items', async ({ req }) => {
      const body = await readJson(req);
      const parent = targetFolder(emu, body);
      const count = numberField(body, 'count') ?? 0;
      const prefix = stringField(body, 'namePrefix') ?? 'item';
      const kind = stringField(body, 'kind') ?? 'file';
      const width = String(count).length;
      const content = patternSource(numberField(body, 'size') ?? 0, 0);
      for (let i = 0; i < count; i += 1) {
        const name = `${prefix}-${String(i).padStart(width, '0')}`;
        if (kind === 'folder') createFolder(emu, parent, name);
        else createFile(emu, parent, `${name}.txt`, content);
      }
      return { status: 201, json: { created: count, parentId: parent.parentId === null ? '0' : parent.id } };
    }),
    route('POST', '/tokens', async ({ req }) => {
      const body = await readJson(req);
      const userId = stringField(body, 'userId') ?? emu.store.serviceAccountId;
      if (!emu.store.users.has(userId)) throw notFound('No such user');
      const scopes = Array.isArray(body.scopes) ? body.scopes.filter((s): s is string => typeof s === 'string') : null;
      if (scopes?.some((s) => !isKnownScope(s))) throw badRequest('Unknown scope');
      const accessToken = randomId(16);
      emu.store.tokens.set(accessToken, {
        userId,
        subjectType: userId === emu.store.serviceAccountId ? 'enterprise' : 'user',
        scopes,
        resource: null,
        expiresAt: Date.now() + (numberField(body, 'ttlSeconds') ?? emu.tokenTtlSeconds) * 1000,
      });
      return { status: 201, json: { access_token: accessToken } };
    }),
    route('POST', '/faults', async ({ req }) => {
      const body = await readJson(req);
      if (typeof body.route !== 'string') throw badRequest('A fault needs a route');
      return { status: 201, json: emu.faults.add(body as unknown as FaultSpec) };
    }),
    route('PUT', '/representations', async ({ req }) => {
      emu.representations.setRule(readRepRule(await readJson(req)));
      return { status: 204 };
    }),
    route('GET', '/faults', () => ({ status: 200, json: emu.faults.list() })),
    route('DELETE', '/faults', () => {
      emu.faults.clear();
      return { status: 204 };
    }),
    route('GET', '/requests', ({ url }) => ({
      status: 200,
      json: emu.log.list(Number(url.searchParams.get('since') ?? 0)),
    })),
    route('DELETE', '/requests', () => {
      emu.log.clear();
      return { status: 204 };
    }),
    route('GET', '/call-counts', () => ({ status: 200, json: Object.fromEntries(emu.log.counts) })),
    route('PUT', '/settings', async ({ req }) => {
      const body = await readJson(req);
      if (typeof body.captureBodies === 'boolean') emu.log.captureBodies = body.captureBodies;
      if (typeof body.openSharedLinksAllowed === 'boolean') {
        emu.enterprise.openSharedLinksAllowed = body.openSharedLinksAllowed;
      }
      for (const [prefix, setting] of [
        ['thumbnail', emu.thumbnails],
        ['commit', emu.commits],
      ] as const) {
        const pending = numberField(body, `${prefix}PendingResponses`);
        if (pending !== undefined) setting.pendingResponses = pending;
        const retryAfter = numberField(body, `${prefix}RetryAfterSeconds`);
        if (retryAfter !== undefined) setting.retryAfterSeconds = retryAfter;
      }
      return { status: 204 };
    }),
  ];
}
