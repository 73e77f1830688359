import { accessItem, authenticate, checkIfMatch } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import { BoxError, badRequest, notFound } from '../errors.ts';
import { readJson, stringField, type JsonObject } from '../http-io.ts';
import { addVersion, checkName, createFile, ensureNameFree } from '../items.ts';
import type { RequestContext, Route } from '../router.ts';
import { fileFull } from '../serialize.ts';
import { ensureFits } from '../storage.ts';
import { randomId } from '../store.ts';
import { MIN_CHUNKED_FILE_SIZE, UploadSessionRecord } from '../upload-session-store.ts';

const SESSIONS = '/api/2.0/files/upload_sessions';

function sessionJson(emu: Emulator, session: UploadSessionRecord): JsonObject {
  const base = `${emu.origin}${SESSIONS}/${session.id}`;
  return {
    id: session.id,
    type: 'upload_session',
    session_expires_at: session.expiresAt.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    part_size: session.partSize,
    total_parts: session.totalParts,
    num_parts_processed: session.parts.size,
    session_endpoints: {
      upload_part: base,
      commit: `${base}/commit`,
      abort: base,
      list_parts: `${base}/parts`,
      status: base,
      log_event: `${base}/log`,
    },
  };
}

function fileSizeOf(body: JsonObject): number {
  const size = body.file_size;
  if (size === undefined) throw badRequest("Bad Request: 'file_size' is required", 'missing_file_size');
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0)
    throw badRequest('file_size is not valid', 'invalid_file_size');
  if (size < MIN_CHUNKED_FILE_SIZE) {
    throw badRequest(
      `file_size is below the ${MIN_CHUNKED_FILE_SIZE} bytes minimum for upload sessions`,
      'file_size_too_small',
    );
  }
  return size;
}

async function open(emu: Emulator, session: UploadSessionRecord) {
  await session.create();
  emu.sessions.set(session.id, session);
  return { status: 201, json: sessionJson(emu, session) };
}

function sessionOf(emu: Emulator, ctx: RequestContext): UploadSessionRecord {
  const caller = authenticate(emu, ctx);
  const session = emu.sessions.get(ctx.params.upload_session_id ?? '');
  if (!session || session.ownerId !== caller.user.id) throw notFound('The upload session was not found');
  return session;
}

/** `digest: sha=<base64 SHA-1>` (RFC 3230), the only form Box accepts. */
function digestOf(ctx: RequestContext): string {
  const header = ctx.req.headers.digest;
  const match = /^sha=(\S+)$/i.exec(typeof header === 'string' ? header : '');
  if (!match?.[1]) throw badRequest('The digest header must be sha=<base64 SHA-1>');
  return match[1];
}

async function uploadPart(emu: Emulator, ctx: RequestContext) {
  const session = sessionOf(emu, ctx);
  const digest = digestOf(ctx);
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(ctx.req.headers['content-range'] ?? '');
  if (!range) throw badRequest('The content-range header must be bytes <start>-<end>/<total>');
  const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  const length = end - start + 1;
  if (total !== session.fileSize || start % session.partSize !== 0 || length !== session.expectedPartSize(start)) {
    throw new BoxError(
      416,
      'bad_request',
      `Parts must be exactly part_size (${session.partSize}) bytes at part_size offsets; only the last part is shorter`,
    );
  }
  const existing = session.parts.get(start);
  if (existing) {
    // A retried part with the same bytes is harmless; different bytes over an uploaded range are not.
    if (Buffer.from(existing.sha1, 'hex').toString('base64') !== digest) {
      throw new BoxError(409, 'conflict', 'The part overlaps a part already uploaded with different content');
    }
    ctx.req.resume();
    return { status: 200, json: { part: existing } };
  }
  const written = await session.writePart(start, ctx.req);
  if (written.size !== length) throw badRequest('The body length does not match content-range');
  if (written.sha1Base64 !== digest) {
    throw new BoxError(412, 'precondition_failed', 'The digest header does not match the SHA-1 of the part');
  }
  written.commit();
  const part = { part_id: randomId(4).toUpperCase(), offset: start, size: length, sha1: written.sha1Hex };
  session.parts.set(start, part);
  return { status: 200, json: { part } };
}

async function commit(emu: Emulator, ctx: RequestContext) {
  const session = sessionOf(emu, ctx);
  const caller = authenticate(emu, ctx);
  const digest = digestOf(ctx);
  const body = await readJson(ctx.req);
  const listed = Array.isArray(body.parts) ? (body.parts as JsonObject[]) : [];
  const uploaded = session.sortedParts();
  const sameParts =
    listed.length === uploaded.length &&
    uploaded.every((part, i) => listed[i]?.part_id === part.part_id && listed[i]?.offset === part.offset);
  if (!sameParts || session.uploadedBytes() !== session.fileSize) {
    throw badRequest('The parts list does not match the uploaded parts, or parts are missing');
  }
  if (emu.commits.stillPending(session.id)) {
    return { status: 202, headers: { 'retry-after': String(emu.commits.retryAfterSeconds) } };
  }
  const sha1 = await session.wholeSha1();
  if (sha1.base64 !== digest)
    throw new BoxError(412, 'precondition_failed', 'The digest header does not match the SHA-1 of the file');
  const content = { kind: 'disk' as const, size: session.fileSize, sha1: sha1.hex, path: session.path };
  let file;
  if ('folderId' in session.target) {
    const parent = accessItem(emu, caller, 'folder', session.target.folderId, 'upload');
    file = createFile(emu, parent, session.fileName, content, caller.user.id);
  } else {
    file = accessItem(emu, caller, 'file', session.target.fileId, 'upload');
    checkIfMatch(ctx, file);
    addVersion(emu, file, content, session.fileName, caller.user.id);
  }
  emu.sessions.delete(session.id);
  return { status: 201, json: { total_count: 1, entries: [fileFull(emu.store, file)] } };
}

export function uploadSessionRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'POST',
      template: SESSIONS,
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        const body = await readJson(ctx.req);
        const folderId = stringField(body, 'folder_id');
        if (folderId === undefined) throw badRequest("Bad Request: 'folder_id' is required", 'missing_destination');
        const fileName = stringField(body, 'file_name');
        if (fileName === undefined) throw badRequest("Bad Request: 'file_name' is required", 'missing_file_name');
        const fileSize = fileSizeOf(body);
        checkName(fileName);
        const parent = accessItem(emu, caller, 'folder', folderId, 'upload');
        ensureNameFree(emu, parent, fileName, 'object');
        ensureFits(emu.store, parent.ownerId, fileSize);
        const target = { folderId: parent.parentId === null ? '0' : parent.id };
        return open(
          emu,
          new UploadSessionRecord({ ownerId: caller.user.id, target, fileName, fileSize, tempDir: emu.tempDir }),
        );
      },
    },
    {
      method: 'POST',
      template: '/api/2.0/files/{file_id}/upload_sessions',
      handler: async (ctx) => {
        const caller = authenticate(emu, ctx);
        const file = accessItem(emu, caller, 'file', ctx.params.file_id ?? '', 'upload');
        const body = await readJson(ctx.req);
        const fileSize = fileSizeOf(body);
        const fileName = stringField(body, 'file_name') ?? file.name;
        ensureFits(emu.store, file.ownerId, fileSize, emu.store.size(file));
        const target = { fileId: file.id };
        return open(
          emu,
          new UploadSessionRecord({ ownerId: caller.user.id, target, fileName, fileSize, tempDir: emu.tempDir }),
        );
      },
    },
    {
      method: 'GET',
      template: `${SESSIONS}/{upload_session_id}`,
      handler: (ctx) => ({ status: 200, json: sessionJson(emu, sessionOf(emu, ctx)) }),
    },
    { method: 'PUT', template: `${SESSIONS}/{upload_session_id}`, handler: async (ctx) => uploadPart(emu, ctx) },
    {
      method: 'GET',
      template: `${SESSIONS}/{upload_session_id}/parts`,
      handler: (ctx) => {
        const parts = sessionOf(emu, ctx).sortedParts();
        return { status: 200, json: { total_count: parts.length, limit: 1000, offset: 0, entries: parts } };
      },
    },
    { method: 'POST', template: `${SESSIONS}/{upload_session_id}/commit`, handler: async (ctx) => commit(emu, ctx) },
    {
      method: 'DELETE',
      template: `${SESSIONS}/{upload_session_id}`,
      handler: async (ctx) => {
        const session = sessionOf(emu, ctx);
        emu.sessions.delete(session.id);
        await session.discard();
        return { status: 204 };
      },
    },
  ];
}
