import type { ServerResponse } from 'node:http';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSpec } from './faults.ts';
import type { Reply } from './router.ts';

/** Delays chunks so the body flows at roughly `bytesPerSecond`. */
function throttle(bytesPerSecond: number): Transform {
  const slice = Math.max(1, Math.floor(bytesPerSecond / 10));
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      void (async () => {
        for (let offset = 0; offset < chunk.length; offset += slice) {
          this.push(chunk.subarray(offset, offset + slice));
          await sleep((Math.min(slice, chunk.length - offset) / bytesPerSecond) * 1000);
        }
        callback();
      })();
    },
  });
}

/** Writes the first `limit` body bytes, then destroys the socket once they are flushed. */
async function writeThenDrop(res: ServerResponse, body: Readable, limit: number): Promise<void> {
  const kept: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    kept.push(chunk.subarray(0, limit - size));
    size += Math.min(chunk.length, limit - size);
    if (size >= limit) break;
  }
  body.destroy();
  await new Promise<void>((resolve) => {
    res.write(Buffer.concat(kept), () => {
      res.socket?.destroy();
      resolve();
    });
  });
}

/** Writes a reply, honouring body faults; a dropped connection is the intended outcome, not an error. */
export async function writeReply(res: ServerResponse, reply: Reply, fault: FaultSpec | undefined): Promise<void> {
  const headers: Record<string, string> = { ...reply.headers };
  let body: Readable | undefined = reply.stream;
  if (reply.json !== undefined) {
    const bytes = Buffer.from(JSON.stringify(reply.json));
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(bytes.length);
    if (fault?.dropAfterBytes === undefined && !fault?.bytesPerSecond) {
      // Most replies: one write. A stream pipeline per small JSON body cost more than the route itself.
      res.writeHead(reply.status, headers).end(bytes);
      return;
    }
    body = Readable.from([bytes]);
  }
  res.writeHead(reply.status, headers);
  if (!body) {
    res.end();
    return;
  }
  if (fault?.dropAfterBytes !== undefined) {
    await writeThenDrop(res, body, fault.dropAfterBytes);
    return;
  }
  try {
    if (fault?.bytesPerSecond) await pipeline(body, throttle(fault.bytesPerSecond), res);
    else await pipeline(body, res);
  } catch {
    res.destroy();
  }
}
