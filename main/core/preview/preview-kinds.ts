import type { PreviewViewerKind } from '../../../common/preview.ts';

/**
 * What the renderer can show from a file's own bytes, by extension, and the content type main
 * serves them with (never Box's, so a file cannot choose how the page treats it). Everything else
 * is asked of Box's representations.
 */
interface OwnBytesKind {
  viewer: PreviewViewerKind;
  contentType: string;
}

const text = (contentType = 'text/plain; charset=utf-8'): OwnBytesKind => ({ viewer: 'text', contentType });
const image = (subtype: string): OwnBytesKind => ({ viewer: 'image', contentType: `image/${subtype}` });
const video = (subtype: string): OwnBytesKind => ({ viewer: 'video', contentType: `video/${subtype}` });
const audio = (subtype: string): OwnBytesKind => ({ viewer: 'audio', contentType: `audio/${subtype}` });

const ownBytesKinds: Record<string, OwnBytesKind> = {
  png: image('png'),
  jpg: image('jpeg'),
  jpeg: image('jpeg'),
  gif: image('gif'),
  webp: image('webp'),
  bmp: image('bmp'),
  avif: image('avif'),
  ico: image('x-icon'),
  // An SVG is only ever drawn by <img>, where its scripts do not run.
  svg: image('svg+xml'),
  md: { viewer: 'markdown', contentType: 'text/plain; charset=utf-8' },
  markdown: { viewer: 'markdown', contentType: 'text/plain; charset=utf-8' },
  mp4: video('mp4'),
  m4v: video('mp4'),
  webm: video('webm'),
  ogv: video('ogg'),
  mp3: audio('mpeg'),
  m4a: audio('mp4'),
  wav: audio('wav'),
  ogg: audio('ogg'),
  oga: audio('ogg'),
  opus: audio('ogg'),
  flac: audio('flac'),
};
// Text and source code, shown as text (HTML and SVG sources too: never rendered as pages).
for (const extension of [
  ...['txt', 'log', 'csv', 'tsv', 'json', 'xml', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'conf', 'env'],
  ...['html', 'htm', 'css', 'scss', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'py', 'rb', 'go', 'rs', 'java'],
  ...['kt', 'swift', 'c', 'h', 'cc', 'cpp', 'hpp', 'cs', 'php', 'sh', 'bash', 'zsh', 'ps1', 'sql', 'lua'],
]) {
  ownBytesKinds[extension] ??= text();
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The viewer and content type for a file shown from its own bytes, or undefined to ask Box's representations. */
export function ownBytesKind(name: string): OwnBytesKind | undefined {
  return Object.hasOwn(ownBytesKinds, extensionOf(name)) ? ownBytesKinds[extensionOf(name)] : undefined;
}
