import { ThumbnailCache } from '../../../main/core/box/thumbnail-cache.ts';

describe('ThumbnailCache', () => {
  it('drops the least recently used entries first to stay within its byte bound', () => {
    const cache = new ThumbnailCache(30);
    cache.set('a', 'x'.repeat(10));
    cache.set('b', 'y'.repeat(10));
    cache.set('c', 'z'.repeat(10));
    expect(cache.get('a')).toBe('x'.repeat(10));
    cache.set('d', 'w'.repeat(10));
    expect(cache.has('b')).toBe(false);
    expect([cache.has('a'), cache.has('c'), cache.has('d')]).toEqual([true, true, true]);
    expect(cache.bytes).toBe(30);
  });

  it('remembers that a file has no thumbnail without spending bytes, and refuses oversized entries', () => {
    const cache = new ThumbnailCache(10);
    cache.set('none', null);
    expect(cache.get('none')).toBeNull();
    expect(cache.get('unknown')).toBeUndefined();
    cache.set('huge', 'h'.repeat(11));
    expect(cache.has('huge')).toBe(false);
    expect(cache.bytes).toBe(0);
  });

  it('replacing and deleting an entry keeps the byte count exact', () => {
    const cache = new ThumbnailCache(100);
    cache.set('a', 'x'.repeat(40));
    cache.set('a', 'x'.repeat(15));
    expect(cache.bytes).toBe(15);
    cache.delete('a');
    expect(cache.bytes).toBe(0);
    expect(cache.size).toBe(0);
  });
});
