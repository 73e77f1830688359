import { Readable } from 'node:stream';
import { accessItem, authenticate } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import { BoxError } from '../errors.ts';
import { IMAGE_EXTENSIONS } from '../representations.ts';
import type { Reply, Route } from '../router.ts';
import { demoPhotoPixels, type DemoPhotoPalette } from '../demo-images.ts';
import { encodeJpeg, encodePng } from '../image-codecs.ts';
import { JPEG_THUMBNAIL, solidPng } from '../thumbnail-images.ts';

/** Box's thumbnail sizes (its thumbnail endpoint's documentation): the smallest at least as large as asked. */
const sizes = { png: [32, 64, 128, 256], jpg: [32, 160, 320] } as const;

/**
 * `GET /files/{id}/thumbnail.png|jpg`: a real small image for image files, Box's 302 to a
 * placeholder icon for others, and — when a test configures it — `202` with `retry-after`
 * (lower-case, as Box sends it) while the thumbnail is "generating".
 */
export function thumbnailRoutes(emu: Emulator): Route[] {
  return [
    {
      method: 'GET',
      template: '/2.0/files/{file_id}/thumbnail.{extension}',
      handler: (ctx): Reply => {
        const file = accessItem(emu, authenticate(emu, ctx), 'file', ctx.params.file_id ?? '', 'preview');
        const extension = ctx.params.extension;
        if (extension !== 'png' && extension !== 'jpg')
          throw new BoxError(400, 'bad_request', 'Thumbnails are png or jpg');
        const fileExtension = file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase();
        if (!IMAGE_EXTENSIONS.has(fileExtension)) {
          return { status: 302, headers: { location: `${emu.origin}/_placeholders/file.${extension}` } };
        }
        if (emu.thumbnails.stillPending(file.id)) {
          return {
            status: 202,
            headers: {
              'retry-after': String(emu.thumbnails.retryAfterSeconds),
              location: `${emu.origin}/_placeholders/file.${extension}`,
            },
          };
        }
        const palette = emu.representations.sources.get(file.id)?.palette;
        if (palette) return photo(extension, palette, Number(ctx.url.searchParams.get('min_width') ?? 0));
        return image(extension, Number(file.id));
      },
    },
    {
      method: 'GET',
      template: '/_placeholders/file.{extension}',
      handler: (ctx) => image(ctx.params.extension === 'jpg' ? 'jpg' : 'png', 0),
    },
  ];
}

/** A photo the emulator knows the picture of (the demo photos), drawn small as Box would. */
function photo(extension: 'png' | 'jpg', palette: DemoPhotoPalette, minWidth: number): Reply {
  const size = sizes[extension].find((candidate) => candidate >= minWidth) ?? sizes[extension].at(-1)!;
  const pixels = demoPhotoPixels(size, size, palette);
  const bytes = extension === 'jpg' ? encodeJpeg(size, size, pixels) : encodePng(size, size, pixels);
  return {
    status: 200,
    headers: {
      'content-type': `image/${extension === 'jpg' ? 'jpeg' : 'png'}`,
      'content-length': String(bytes.length),
    },
    stream: Readable.from([bytes]),
  };
}

function image(extension: 'png' | 'jpg', tint: number): Reply {
  const bytes = extension === 'jpg' ? JPEG_THUMBNAIL : solidPng(32, [tint % 256, (tint >> 8) % 256, 0xd5]);
  return {
    status: 200,
    headers: {
      'content-type': extension === 'jpg' ? 'image/jpeg' : 'image/png',
      'content-length': String(bytes.length),
    },
    stream: Readable.from([bytes]),
  };
}
