import { badRequest } from './errors.ts';

/** Markers are opaque to clients; here they are the base64url of the next offset. */
export function encodeMarker(offset: number): string {
  return Buffer.from(String(offset)).toString('base64url');
}

/** No marker means the first page. */
export function decodeMarker(marker: string | null): number {
  if (marker === null || marker === '') return 0;
  const offset = Number(Buffer.from(marker, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('Invalid marker');
  return offset;
}
