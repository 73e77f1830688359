import { useEffect, useState } from 'react';
import type { BoxItem } from '../../../common/box-items.ts';
import { invoke } from '../ipc/bridge.ts';
import { thumbnailOf } from './file-kind.ts';

/**
 * Remembers answers across rows and re-mounts (a virtualized row is created again on every
 * scroll), bounded so a folder of many images cannot grow the page: main keeps a larger cache.
 */
const known = new Map<string, string | null>();
const maxKnown = 400;

function remember(id: string, url: string | null): void {
  known.set(id, url);
  if (known.size > maxKnown) known.delete(known.keys().next().value ?? id);
}

/** Box's thumbnail for a visible image or document, or null while it loads or when there is none. */
export function useThumbnail(item: BoxItem, enabled: boolean): string | null {
  const of = enabled ? thumbnailOf(item) : null;
  const wanted = of !== null;
  const [loaded, setLoaded] = useState<{ id: string; url: string | null } | null>(null);

  useEffect(() => {
    if (!wanted || known.has(item.id)) return;
    let current = true;
    invoke('box:getThumbnail', { fileId: item.id, of: of ?? 'image' }).then(
      (url) => {
        remember(item.id, url);
        if (current) setLoaded({ id: item.id, url });
      },
      // A missing thumbnail is not worth a toast: the type icon stays.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, of, item.id]);

  if (!wanted) return null;
  return known.get(item.id) ?? (loaded?.id === item.id ? loaded.url : null);
}
