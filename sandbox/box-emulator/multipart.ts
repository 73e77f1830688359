import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { BoxError, badRequest } from './errors.ts';
import type { JsonObject } from './http-io.ts';

/** Box takes multipart uploads up to 50 MB; bigger files must use a chunked upload session. */
const MAX_MULTIPART_FILE = 50 * 1024 * 1024;

export interface ParsedUpload {
  attributes: JsonObject;
  data: Buffer;
}

function parseAttributes(value: string): JsonObject {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as JsonObject;
  } catch {
    // fall through to the error below
  }
  throw badRequest('The attributes part must be a JSON object');
}

/**
 * Reads a Box multipart upload. Box streams the file straight to storage, so it must already know
 * where it goes: an `attributes` part that arrives after the `file` part is a `400`.
 */
export function parseUpload(req: IncomingMessage): Promise<ParsedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_MULTIPART_FILE } });
    } catch {
      reject(badRequest('Expected a multipart/form-data body'));
      return;
    }
    let attributes: JsonObject | undefined;
    let data: Buffer | undefined;
    let failure: BoxError | undefined;
    const fail = (error: BoxError): void => {
      failure ??= error;
    };
    parser.on('field', (name, value) => {
      if (name !== 'attributes') return;
      if (data !== undefined) {
        fail(badRequest('metadata_after_file_contents: the attributes part must come before the file part'));
        return;
      }
      try {
        attributes = parseAttributes(value);
      } catch (error) {
        fail(error as BoxError);
      }
    });
    parser.on('file', (_name, stream) => {
      const chunks: Buffer[] = [];
      if (attributes === undefined)
        fail(badRequest('metadata_after_file_contents: the attributes part must come before the file part'));
      stream.on('data', (chunk: Buffer) => {
        if (failure === undefined) chunks.push(chunk);
      });
      stream.on('limit', () =>
        fail(new BoxError(400, 'bad_request', 'File too large for a multipart upload; use an upload session')),
      );
      stream.on('end', () => {
        data = Buffer.concat(chunks);
      });
    });
    parser.on('error', () => reject(badRequest('Malformed multipart body')));
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (attributes === undefined) reject(badRequest("Bad Request: 'attributes' is required"));
      else if (data === undefined) reject(badRequest("Bad Request: 'file' is required"));
      else resolve({ attributes, data });
    });
    req.pipe(parser);
  });
}
