import type { IncomingMessage } from 'node:http';
import { badRequest } from './errors.ts';

const MAX_SMALL_BODY = 1024 * 1024;

/** Reads a small request body (JSON or form); large bodies only ever arrive on the streaming upload routes. */
export async function readSmallBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_SMALL_BODY) throw badRequest('Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export type JsonObject = Record<string, unknown>;

export async function readJson(req: IncomingMessage): Promise<JsonObject> {
  const raw = (await readSmallBody(req)).toString('utf8');
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest('Invalid JSON in request body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('The request body must be a JSON object');
  }
  return parsed as JsonObject;
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams((await readSmallBody(req)).toString('utf8'));
}

export function stringField(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

/** `{ "parent": { "id": "123" } }` → `"123"`. */
export function nestedId(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as JsonObject).id;
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}

export function intParam(query: URLSearchParams, key: string, fallback: number, max: number): number {
  const raw = query.get(key);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw badRequest(`Invalid value for ${key}`, 'bad_request');
  return Math.min(value, max);
}
