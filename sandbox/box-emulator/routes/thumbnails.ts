import { Readable } from 'node:stream';
import { accessItem, authenticate } from '../access.ts';
import type { Emulator } from '../emulator-state.ts';
import { BoxError } from '../errors.ts';
import { IMAGE_EXTENSIONS } from '../representations.ts';
import type { Reply, Route } from '../router.ts';
import { JPEG_THUMBNAIL, solidPng } from '../thumbnail-images.ts';

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
