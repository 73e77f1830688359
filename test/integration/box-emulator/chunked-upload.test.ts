import { createHash } from 'node:crypto';
import type { BoxClient } from 'box-node-sdk';
import { patternSha1, patternStream } from '../../../sandbox/box-emulator/content.ts';
import { startConformanceHarness, type ConformanceHarness } from '../../support/box-emulator-harness.ts';

let h: ConformanceHarness;
let client: BoxClient;
let userId: string;
let token: string;

const MB = 1024 * 1024;
const FILE_SIZE = 20 * MB + 12_345; // three parts of 8 MiB, the last one short

beforeAll(async () => {
  h = await startConformanceHarness();
  userId = (await h.admin.users.createUser({ name: 'Uploader', isPlatformAccessOnly: true })).id;
  client = h.asUser(userId);
  token = (await h.emulator.controls.issueToken({ userId })).access_token;
});
afterAll(() => h.close());
afterEach(async () => {
  const { failures } = await h.checkConformance();
  expect(failures).toEqual([]);
});

async function sha1OfStream(stream: unknown): Promise<{ sha1: string; size: number }> {
  const hash = createHash('sha1');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha1: hash.digest('hex'), size };
}

async function patternBytes(seed: number, offset: number, length: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of patternStream(seed, offset, length) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const base64Sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('base64');

function putPart(url: string, data: Buffer, range: string, digest = `sha=${base64Sha1(data)}`): Promise<Response> {
  return fetch(url, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'content-range': range,
      digest,
      'content-type': 'application/octet-stream',
    },
    body: new Uint8Array(data),
  });
}

describe('chunked upload sessions', () => {
  it('uploads a big file with box-node-sdk uploadBigFile and downloads the same bytes', async () => {
    const file = await client.chunkedUploads.uploadBigFile(patternStream(3, 0, FILE_SIZE), 'big.bin', FILE_SIZE, '0');
    expect(file).toMatchObject({ name: 'big.bin', size: FILE_SIZE, sha1: patternSha1(3, FILE_SIZE) });
    const downloaded = await sha1OfStream(await client.downloads.downloadFile(file.id));
    expect(downloaded).toEqual({ sha1: patternSha1(3, FILE_SIZE), size: FILE_SIZE });
    const counts = await h.emulator.controls.callCounts();
    expect(counts['PUT /api/2.0/files/upload_sessions/{upload_session_id}']).toBe(3);
  });

  it('opens sessions only for files of 20 MB or more, and 409s on a taken name', async () => {
    await expect(
      client.chunkedUploads.createFileUploadSession({ folderId: '0', fileName: 'small.bin', fileSize: 19_999_999 }),
    ).rejects.toMatchObject({
      responseInfo: { statusCode: 400, code: expect.stringContaining('file_size_too_small') as unknown },
    });
    await h.emulator.controls.createFile({ ownerId: userId, name: 'taken.bin', text: 'x' });
    await expect(
      client.chunkedUploads.createFileUploadSession({ folderId: '0', fileName: 'taken.bin', fileSize: FILE_SIZE }),
    ).rejects.toMatchObject({ responseInfo: { statusCode: 409 } });
  });

  it('checks each part: digest, exact part size, offsets and total', async () => {
    const session = await client.chunkedUploads.createFileUploadSession({
      folderId: '0',
      fileName: 'checked.bin',
      fileSize: FILE_SIZE,
    });
    const url = session.sessionEndpoints?.uploadPart ?? '';
    const partSize = session.partSize ?? 0;
    expect(partSize).toBe(8 * MB);
    const part = await patternBytes(1, 0, partSize);
    const wrongDigest = await putPart(
      url,
      part,
      `bytes 0-${partSize - 1}/${FILE_SIZE}`,
      `sha=${base64Sha1(Buffer.from('other'))}`,
    );
    expect(wrongDigest.status).toBe(412);
    const short = part.subarray(0, partSize - 1);
    expect((await putPart(url, short, `bytes 0-${partSize - 2}/${FILE_SIZE}`)).status).toBe(416);
    expect((await putPart(url, part, `bytes 1-${partSize}/${FILE_SIZE}`)).status).toBe(416);
    expect((await putPart(url, part, `bytes 0-${partSize - 1}/${FILE_SIZE + 1}`)).status).toBe(416);
    const ok = await putPart(url, part, `bytes 0-${partSize - 1}/${FILE_SIZE}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      part: { offset: 0, size: partSize, sha1: createHash('sha1').update(part).digest('hex') },
    });
    const retried = await putPart(url, part, `bytes 0-${partSize - 1}/${FILE_SIZE}`);
    expect(retried.status).toBe(200);
    const other = await patternBytes(2, 0, partSize);
    expect((await putPart(url, other, `bytes 0-${partSize - 1}/${FILE_SIZE}`)).status).toBe(409);
    expect(await client.chunkedUploads.getFileUploadSessionById(session.id ?? '')).toMatchObject({
      numPartsProcessed: 1,
    });
    const parts = await client.chunkedUploads.getFileUploadSessionPartsByUrl(session.sessionEndpoints?.listParts ?? '');
    expect(parts.totalCount).toBe(1);
    await client.chunkedUploads.deleteFileUploadSessionByUrl(session.sessionEndpoints?.abort ?? '');
    await expect(client.chunkedUploads.getFileUploadSessionById(session.id ?? '')).rejects.toMatchObject({
      responseInfo: { statusCode: 404 },
    });
  });

  it('accepts parts out of order, and commits only with every part and the whole-file digest', async () => {
    const session = await client.chunkedUploads.createFileUploadSession({
      folderId: '0',
      fileName: 'shuffled.bin',
      fileSize: FILE_SIZE,
    });
    const url = session.sessionEndpoints?.uploadPart ?? '';
    const partSize = session.partSize ?? 0;
    const offsets = [2 * partSize, 0, partSize];
    const uploaded = [];
    for (const offset of offsets) {
      const data = await patternBytes(9, offset, Math.min(partSize, FILE_SIZE - offset));
      const response = await putPart(url, data, `bytes ${offset}-${offset + data.length - 1}/${FILE_SIZE}`);
      const body = (await response.json()) as { part: { part_id: string; offset: number; size: number; sha1: string } };
      uploaded.push(body.part);
      if (offset !== partSize) continue;
      // With one part missing, the commit must fail.
      const early = await client.chunkedUploads
        .createFileUploadSessionCommitByUrl(
          session.sessionEndpoints?.commit ?? '',
          { parts: uploaded.map((p) => ({ partId: p.part_id, offset: p.offset, size: p.size, sha1: p.sha1 })) },
          { digest: `sha=${Buffer.from(patternSha1(9, FILE_SIZE), 'hex').toString('base64')}` },
        )
        .catch((e: unknown) => e);
      expect(early).toMatchObject({ responseInfo: { statusCode: 400 } });
    }
    const sorted = [...uploaded]
      .sort((a, b) => a.offset - b.offset)
      .map((p) => ({ partId: p.part_id, offset: p.offset, size: p.size, sha1: p.sha1 }));
    const commitUrl = session.sessionEndpoints?.commit ?? '';
    await expect(
      client.chunkedUploads.createFileUploadSessionCommitByUrl(
        commitUrl,
        { parts: sorted },
        { digest: `sha=${base64Sha1(Buffer.from('nope'))}` },
      ),
    ).rejects.toMatchObject({ responseInfo: { statusCode: 412 } });
    const committed = await client.chunkedUploads.createFileUploadSessionCommitByUrl(
      commitUrl,
      { parts: sorted },
      { digest: `sha=${Buffer.from(patternSha1(9, FILE_SIZE), 'hex').toString('base64')}` },
    );
    expect(committed?.entries?.[0]).toMatchObject({ name: 'shuffled.bin', sha1: patternSha1(9, FILE_SIZE) });
  });

  it('uploads a new version through a session, answering 202 + retry-after while "processing"', async () => {
    const existing = await h.emulator.controls.createFile({ ownerId: userId, name: 'grows.bin', text: 'tiny' });
    const session = await client.chunkedUploads.createFileUploadSessionForExistingFile(existing.id, {
      fileSize: FILE_SIZE,
    });
    const partSize = session.partSize ?? 0;
    const parts = [];
    const whole = createHash('sha1');
    for (let offset = 0; offset < FILE_SIZE; offset += partSize) {
      const data = await patternBytes(4, offset, Math.min(partSize, FILE_SIZE - offset));
      whole.update(data);
      const response = await putPart(
        session.sessionEndpoints?.uploadPart ?? '',
        data,
        `bytes ${offset}-${offset + data.length - 1}/${FILE_SIZE}`,
      );
      const { part } = (await response.json()) as {
        part: { part_id: string; offset: number; size: number; sha1: string };
      };
      parts.push({ partId: part.part_id, offset: part.offset, size: part.size, sha1: part.sha1 });
    }
    const digest = `sha=${whole.digest('base64')}`;
    await h.emulator.controls.settings({ commitPendingResponses: 1, commitRetryAfterSeconds: 2 });
    const processing = await fetch(session.sessionEndpoints?.commit ?? '', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, digest, 'content-type': 'application/json' },
      body: JSON.stringify({
        parts: parts.map((p) => ({ part_id: p.partId, offset: p.offset, size: p.size, sha1: p.sha1 })),
      }),
    });
    expect(processing.status).toBe(202);
    expect(processing.headers.get('retry-after')).toBe('2');
    await h.emulator.controls.settings({ commitPendingResponses: 0 });
    const committed = await client.chunkedUploads.createFileUploadSessionCommitByUrl(
      session.sessionEndpoints?.commit ?? '',
      { parts },
      { digest },
    );
    expect(committed?.entries?.[0]).toMatchObject({ id: existing.id, versionNumber: '2', size: FILE_SIZE });
  });
});
