import { crc32, deflateSync } from 'node:zlib';

/**
 * Demo photos for sandbox mode: small real PNGs (a sky-to-ground gradient with a sun), so
 * the file browser shows distinct thumbnails without shipping binary assets.
 */
type Rgb = readonly [number, number, number];

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

function mix(from: Rgb, to: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(from[i]! + (to[i]! - from[i]!) * t)) as unknown as Rgb;
}

export interface DemoPhotoPalette {
  sky: Rgb;
  horizon: Rgb;
  ground: Rgb;
  sun: Rgb;
}

export function demoPhotoPng(width: number, height: number, palette: DemoPhotoPalette): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour RGB
  const horizonRow = Math.round(height * 0.62);
  const sun = { x: width * 0.7, y: height * 0.35, r: Math.min(width, height) * 0.12 };
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    const base =
      y < horizonRow
        ? mix(palette.sky, palette.horizon, y / horizonRow)
        : mix(palette.horizon, palette.ground, (y - horizonRow) / (height - horizonRow));
    for (let x = 0; x < width; x += 1) {
      const inSun = y < horizonRow && (x - sun.x) ** 2 + (y - sun.y) ** 2 <= sun.r ** 2;
      const [r, g, b] = inSun ? palette.sun : base;
      row.writeUInt8(r, 1 + x * 3);
      row.writeUInt8(g, 2 + x * 3);
      row.writeUInt8(b, 3 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const demoPalettes: Record<string, DemoPhotoPalette> = {
  sunset: { sky: [255, 153, 102], horizon: [255, 94, 98], ground: [60, 40, 70], sun: [255, 236, 179] },
  coast: { sky: [135, 206, 250], horizon: [224, 247, 250], ground: [0, 105, 148], sun: [255, 250, 205] },
  forest: { sky: [176, 224, 230], horizon: [144, 238, 144], ground: [34, 85, 51], sun: [255, 255, 224] },
  night: { sky: [15, 23, 42], horizon: [67, 56, 202], ground: [17, 24, 39], sun: [226, 232, 240] },
};
