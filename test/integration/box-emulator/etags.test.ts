/**
 * `If-Match` on the calls that save an edit: a new version based on a stale etag answers `412`
 * (multipart and upload-session commit alike) and keeps the file as it was; the current etag saves.
 * Every answer is checked against Box's OpenAPI description.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BoxClient } from 'box-node-sdk';
import { patternStream } from '../../../sandbox/box-emulator/content.ts';
import { startConformanceHarness, type ConformanceHarness } from '../../support/box-emulator-harness.ts';

let h: ConformanceHarness;
let userId: string;
let client: BoxClient;
let token: string;

const MB = 1024 * 1024;

beforeAll(async () => {
  h = await startConformanceHarness();
  userId = (await h.admin.users.createUser({ name: 'Editor', isPlatformAccessOnly: true })).id;
  client = h.asUser(userId);
  token = (await h.emulator.controls.issueToken({ userId })).access_token;
});
afterAll(() => h.close());
afterEach(async () => {
  const { failures } = await h.checkConformance();
  expect(failures).toEqual([]);
});

const uploadVersion = async (fileId: string, body: string, ifMatch?: string) =>
  client.uploads.uploadFileVersion(
    fileId,
    {
      attributes: { name: (await client.files.getFileById(fileId, { queryParams: { fields: ['name'] } })).name ?? '' },
      file: Readable.from([Buffer.from(body)]),
    },
    ifMatch === undefined ? {} : { headers: { ifMatch } },
  );

async function patternBytes(seed: number, offset: number, length: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of patternStream(seed, offset, length) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

test('a new version with the current etag saves and changes the etag; a stale one answers 412', async () => {
  const file = await h.emulator.controls.createFile({ ownerId: userId, name: 'Budget.xlsx', text: 'v1' });
  const opened = await client.files.getFileById(file.id, { queryParams: { fields: ['etag', 'sha1'] } });
  const saved = await uploadVersion(file.id, 'v2', opened.etag ?? '');
  const after = saved.entries?.[0];
  expect(after?.etag).not.toBe(opened.etag);
  await expect(uploadVersion(file.id, 'v3 from a stale copy', opened.etag ?? '')).rejects.toMatchObject({
    responseInfo: { statusCode: 412, code: expect.stringContaining('precondition_failed') as unknown },
  });
  const current = await client.files.getFileById(file.id, { queryParams: { fields: ['sha1', 'etag'] } });
  expect(current.sha1).toBe(createHash('sha1').update('v2').digest('hex'));
  expect(current.etag).toBe(after?.etag);
});

test('a stale If-Match on a file PUT (the lock) answers 412 and sets nothing', async () => {
  const file = await h.emulator.controls.createFile({ ownerId: userId, name: 'Plan.docx', text: 'v1' });
  const { etag } = await client.files.getFileById(file.id, { queryParams: { fields: ['etag'] } });
  await uploadVersion(file.id, 'v2');
  await expect(
    client.files.updateFileById(file.id, {
      requestBody: { lock: { access: 'lock', isDownloadPrevented: false } },
      headers: { ifMatch: etag ?? '' },
    }),
  ).rejects.toMatchObject({ responseInfo: { statusCode: 412 } });
  expect((await client.files.getFileById(file.id, { queryParams: { fields: ['lock'] } })).rawData).toMatchObject({
    lock: null,
  });
});

test('the commit of a new-version upload session checks If-Match', async () => {
  const file = await h.emulator.controls.createFile({ ownerId: userId, name: 'Big.bin', text: 'tiny' });
  const { etag } = await client.files.getFileById(file.id, { queryParams: { fields: ['etag'] } });
  const size = 20 * MB;
  const session = await client.chunkedUploads.createFileUploadSessionForExistingFile(file.id, { fileSize: size });
  const partSize = session.partSize ?? 0;
  const parts: { part_id: string; offset: number; size: number }[] = [];
  const whole = createHash('sha1');
  for (let offset = 0; offset < size; offset += partSize) {
    const data = await patternBytes(6, offset, Math.min(partSize, size - offset));
    whole.update(data);
    const response = await fetch(session.sessionEndpoints?.uploadPart ?? '', {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-range': `bytes ${offset}-${offset + data.length - 1}/${size}`,
        digest: `sha=${createHash('sha1').update(data).digest('base64')}`,
        'content-type': 'application/octet-stream',
      },
      body: new Uint8Array(data),
    });
    const { part } = (await response.json()) as { part: { part_id: string; offset: number; size: number } };
    parts.push(part);
  }
  // Someone saves a version while the parts go up.
  await uploadVersion(file.id, 'changed meanwhile');
  const commit = (ifMatch: string) =>
    fetch(session.sessionEndpoints?.commit ?? '', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        digest: `sha=${whole.digest('base64')}`,
        'content-type': 'application/json',
        'if-match': ifMatch,
      },
      body: JSON.stringify({ parts }),
    });
  const stale = await commit(etag ?? '');
  expect(stale.status).toBe(412);
  expect(await stale.json()).toMatchObject({ type: 'error', status: 412, code: 'precondition_failed' });
  const current = await client.files.getFileById(file.id, { queryParams: { fields: ['etag', 'size'] } });
  expect(current.size).toBe('changed meanwhile'.length);
});
