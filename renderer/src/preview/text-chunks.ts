/** How much text one request reads: large files are read in parts as the reader scrolls, never whole. */
export const textChunkBytes = 64 * 1024;

export interface TextChunk {
  text: string;
  /** Where the next part starts, or null at the end of the file. */
  next: number | null;
}

/**
 * Reads `textChunkBytes` from `start` with a `Range` request. A server that ignores Range (some
 * Box representations) answers the whole body: then only the first part is read and the rest is
 * cancelled, so the viewer still never holds more than it shows. The decoder is shared between
 * parts so that a character split across two parts comes out whole.
 */
export async function readTextChunk(src: string, start: number, decoder: TextDecoder): Promise<TextChunk> {
  const end = start + textChunkBytes - 1;
  const response = await fetch(src, { headers: { range: `bytes=${start}-${end}` } });
  if (response.status === 416) return { text: decoder.decode(), next: null };
  if (!response.ok) throw new Error(`preview answered ${response.status}`);
  if (response.status === 206) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    const total = Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? NaN);
    const next = start + bytes.length;
    const atEnd = bytes.length < textChunkBytes || (Number.isFinite(total) && next >= total);
    return { text: decoder.decode(bytes, { stream: !atEnd }), next: atEnd ? null : next };
  }
  // A whole-body answer: keep only the first part.
  const reader = response.body?.getReader();
  let text = '';
  let read = 0;
  while (reader && read < textChunkBytes) {
    const { value, done } = await reader.read();
    if (done) return { text: text + decoder.decode(), next: null };
    read += value.length;
    text += decoder.decode(value, { stream: true });
  }
  await reader?.cancel();
  return { text, next: null };
}
