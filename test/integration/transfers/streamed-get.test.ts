/**
 * The download connection (`streamedGet`) against real Node HTTP and HTTPS servers: every way a
 * server may frame a body, redirects, error answers, and the ways a connection can go wrong.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { streamedGet, StreamedGetError, type StreamedGetOptions } from '../../../main/core/box-client/streamed-get.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      // A stalled answer keeps its connection open; close would wait for it.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function serve(handler: RequestListener): Promise<string> {
  return `http://${await listen(createHttpServer(handler))}`;
}

/** Collects the body; every third piece makes the reader wait, as a busy disk does. */
async function fetchAll(url: string, extra: Partial<StreamedGetOptions> = {}) {
  const pieces: Buffer[] = [];
  let count = 0;
  const answer = await streamedGet(url, {
    signal: AbortSignal.timeout(20_000),
    onBody: (bytes) => {
      pieces.push(Buffer.from(bytes));
      return ++count % 3 === 0 ? new Promise((resolve) => setTimeout(resolve, 2)) : undefined;
    },
    ...extra,
  });
  return { answer, body: Buffer.concat(pieces) };
}

const payload = randomBytes(3 * 1024 * 1024 + 17);

test('a Content-Length body arrives whole and in order, even when the reader makes it wait', async () => {
  const origin = await serve((request, response) => {
    response.writeHead(200, { 'content-length': String(payload.length), 'x-box': 'yes' });
    response.end(payload);
  });
  const { answer, body } = await fetchAll(`${origin}/file?x=1`);
  expect(answer.status).toBe(200);
  expect(answer.headers['x-box']).toBe('yes');
  expect('body' in answer).toBe(false);
  expect(body.equals(payload)).toBe(true);
});

test('a chunked body is decoded, and a body ended by closing the connection is complete', async () => {
  const chunked = await serve((request, response) => {
    response.writeHead(200);
    for (let offset = 0; offset < payload.length; offset += 100_000)
      response.write(payload.subarray(offset, offset + 100_000));
    response.end();
  });
  expect((await fetchAll(`${chunked}/`)).body.equals(payload)).toBe(true);

  const closeFramed = await serve((request, response) => {
    // HTTP/1.0 style: no length and no chunks, the end of the connection ends the body.
    response.socket!.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n'), payload]));
  });
  expect((await fetchAll(`${closeFramed}/`)).body.equals(payload)).toBe(true);
});

test('1xx answers before the real one are skipped, and nothing after a finished answer is read', async () => {
  const body = payload.subarray(0, 200_000);
  const head = `HTTP/1.1 200 OK\r\ncontent-length: ${body.length}\r\n\r\n`;
  const hints = 'HTTP/1.1 103 Early Hints\r\nlink: </x>\r\n\r\n';
  const together = await serve((request, response) => {
    response.socket!.end(Buffer.concat([Buffer.from(hints + head), body, Buffer.from('HTTP/1.1 200 OK\r\n\r\nextra')]));
  });
  const first = await fetchAll(`${together}/`);
  expect(first.answer.status).toBe(200);
  expect(first.body.equals(body)).toBe(true);

  const apart = await serve((request, response) => {
    response.socket!.write(hints);
    setTimeout(() => response.socket!.end(Buffer.concat([Buffer.from(head), body])), 30);
  });
  const heads: number[] = [];
  const second = await fetchAll(`${apart}/`, { onHead: (answer) => void heads.push(answer.status) });
  expect(heads).toEqual([200]);
  expect(second.body.equals(body)).toBe(true);
});

test('a reader that makes the connection wait longer than the idle timeout is not taken for a stalled server', async () => {
  const origin = await serve((request, response) => {
    response.writeHead(200, { 'content-length': String(payload.length) });
    response.end(payload);
  });
  const pieces: Buffer[] = [];
  let waited = false;
  await streamedGet(`${origin}/slow-disk`, {
    signal: AbortSignal.timeout(10_000),
    idleTimeoutMs: 100,
    onBody: (bytes) => {
      pieces.push(Buffer.from(bytes));
      if (waited) return undefined;
      waited = true;
      return new Promise((resolve) => setTimeout(resolve, 400));
    },
  });
  expect(Buffer.concat(pieces).equals(payload)).toBe(true);
});

test('the request sends the caller’s headers and asks for no compression', async () => {
  let seen: Record<string, string | string[] | undefined> = {};
  const origin = await serve((request, response) => {
    seen = request.headers;
    response.writeHead(206, { 'content-length': '3' });
    response.end('abc');
  });
  const { answer, body } = await fetchAll(`${origin}/x`, { headers: { range: 'bytes=7-' } });
  expect(answer.status).toBe(206);
  expect(body.toString()).toBe('abc');
  expect(seen.range).toBe('bytes=7-');
  expect(seen['accept-encoding']).toBe('identity');
  await expect(streamedGet(`${origin}/x`, { ...noBody(), headers: { evil: 'a\r\nx-injected: 1' } })).rejects.toThrow(
    /not valid/,
  );
});

test('redirects are followed, but not forever', async () => {
  const origin = await serve((request, response) => {
    const hop = Number(request.url!.slice(1));
    if (hop < 3) response.writeHead(302, { location: `/${hop + 1}` }).end();
    else response.writeHead(200, { 'content-length': '4' }).end('done');
  });
  expect((await fetchAll(`${origin}/0`)).body.toString()).toBe('done');
  await expect(fetchAll(`${origin}/-1`)).rejects.toThrow(/too many redirects/);
});

test('plain http off this machine is refused, as the first address and as a redirect, before connecting', async () => {
  // 192.0.2.1 is a documentation address nothing answers on: a connection attempt would hang until the timeout.
  await expect(fetchAll('http://192.0.2.1/file')).rejects.toThrow(/HTTPS only/);
  const origin = await serve((_request, response) => {
    response.writeHead(302, { location: 'http://192.0.2.1/file' }).end();
  });
  await expect(fetchAll(`${origin}/start`)).rejects.toThrow(/HTTPS only/);
});

test('an error answer comes back with its status, headers and body, and no body bytes go to the reader', async () => {
  const origin = await serve((request, response) => {
    response.writeHead(429, { 'retry-after': '3', 'content-type': 'application/json' });
    response.end(JSON.stringify({ type: 'error', code: 'rate_limit_exceeded' }));
  });
  const { answer, body } = await fetchAll(`${origin}/busy`);
  expect(answer.status).toBe(429);
  expect(answer.headers['retry-after']).toBe('3');
  expect('body' in answer && JSON.parse(answer.body.toString())).toEqual({
    type: 'error',
    code: 'rate_limit_exceeded',
  });
  expect(body.length).toBe(0);
});

test('a body cut short is an error, not a short file', async () => {
  const origin = await serve((request, response) => {
    response.writeHead(200, { 'content-length': String(payload.length) });
    response.write(payload.subarray(0, 1000), () => response.socket!.destroy());
  });
  await expect(fetchAll(`${origin}/cut`)).rejects.toThrow(StreamedGetError);
});

test('a server that stops sending times out; cancel stops at once; a refused answer stops the download', async () => {
  const origin = await serve((request, response) => {
    response.writeHead(200, { 'content-length': '10' });
    response.write('12345');
  });
  await expect(fetchAll(`${origin}/stall`, { idleTimeoutMs: 200 })).rejects.toThrow(/stopped sending/);

  const controller = new AbortController();
  const cancelled = fetchAll(`${origin}/stall`, { signal: controller.signal });
  setTimeout(() => controller.abort(new Error('cancelled by the user')), 50);
  await expect(cancelled).rejects.toThrow('cancelled by the user');

  const refused = fetchAll(`${origin}/stall`, {
    onHead: () => {
      throw new Error('not this one');
    },
  });
  await expect(refused).rejects.toThrow('not this one');
  await expect(streamedGet('ftp://127.0.0.1/x', noBody())).rejects.toThrow(/ftp:/);
});

test('HTTPS: the body arrives whole from a trusted server; an untrusted one and a redirect down to HTTP are refused', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'streamed-get-tls-'));
  try {
    await promisify(execFile)('openssl', [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'],
      ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    ]);
    const cert = await readFile(join(dir, 'cert.pem'));
    const server = createHttpsServer({ key: await readFile(join(dir, 'key.pem')), cert }, (request, response) => {
      response.writeHead(200, { 'content-length': String(payload.length) });
      response.end(payload);
    });
    const url = `https://${await listen(server)}/secure`;
    expect((await fetchAll(url, { tls: { ca: cert } })).body.equals(payload)).toBe(true);
    await expect(fetchAll(url)).rejects.toThrow(/certificate/);

    // A redirect from HTTPS down to plain HTTP is refused before anything is sent there.
    let plainRequests = 0;
    const plain = await serve((request, response) => {
      plainRequests++;
      response.end('not secret enough');
    });
    const downgrading = createHttpsServer({ key: await readFile(join(dir, 'key.pem')), cert }, (request, response) => {
      response.writeHead(302, { location: `${plain}/file` }).end();
    });
    const downgradingUrl = `https://${await listen(downgrading)}/file`;
    await expect(fetchAll(downgradingUrl, { tls: { ca: cert } })).rejects.toThrow(/away from HTTPS/);
    expect(plainRequests).toBe(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

function noBody(): StreamedGetOptions {
  return { signal: AbortSignal.timeout(5_000), onBody: () => undefined };
}
