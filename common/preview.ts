/**
 * What main tells the renderer about a file it is asked to preview. `src` is a URL of the app's own
 * preview scheme (main fetches the bytes from Box with the user's token); it never holds a token
 * or a Box URL.
 */
export type PreviewViewerKind = 'pdf' | 'image' | 'text' | 'markdown' | 'audio' | 'video';

/** Where the bytes come from: the file itself or one of Box's representations of it. */
export type PreviewSource = 'content' | 'pdf' | 'jpg' | 'text';

export type PreviewDescriptor =
  | {
      status: 'ready';
      fileId: string;
      name: string;
      /** Bytes of the file itself; null when Box did not say. */
      size: number | null;
      viewer: PreviewViewerKind;
      source: PreviewSource;
      src: string;
    }
  /** Box is still converting the file: ask again in `retryAfterMs`. */
  | { status: 'pending'; fileId: string; name: string; retryAfterMs: number }
  /** Neither the file itself nor any representation of it can be shown. */
  | { status: 'none'; fileId: string; name: string };

export const previewSources = ['content', 'pdf', 'jpg', 'text'] as const satisfies readonly PreviewSource[];
