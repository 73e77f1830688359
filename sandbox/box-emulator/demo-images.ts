import { encodePng } from './image-codecs.ts';

/**
 * Demo photos for sandbox mode and image renditions: a sky-to-ground gradient with a sun, so the
 * file browser and previews show distinct real images without shipping binary assets.
 */
type Rgb = readonly [number, number, number];

function mix(from: Rgb, to: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(from[i]! + (to[i]! - from[i]!) * t)) as unknown as Rgb;
}

export interface DemoPhotoPalette {
  sky: Rgb;
  horizon: Rgb;
  ground: Rgb;
  sun: Rgb;
}

/** The photo's packed RGB pixels at any size (renditions draw it at the size asked for). */
export function demoPhotoPixels(width: number, height: number, palette: DemoPhotoPalette): Buffer {
  const horizonRow = Math.round(height * 0.62);
  const sun = { x: width * 0.7, y: height * 0.35, r: Math.min(width, height) * 0.12 };
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    const base =
      y < horizonRow
        ? mix(palette.sky, palette.horizon, y / horizonRow)
        : mix(palette.horizon, palette.ground, (y - horizonRow) / (height - horizonRow));
    for (let x = 0; x < width; x += 1) {
      const inSun = y < horizonRow && (x - sun.x) ** 2 + (y - sun.y) ** 2 <= sun.r ** 2;
      const [r, g, b] = inSun ? palette.sun : base;
      const at = (y * width + x) * 3;
      pixels[at] = r;
      pixels[at + 1] = g;
      pixels[at + 2] = b;
    }
  }
  return pixels;
}

export function demoPhotoPng(width: number, height: number, palette: DemoPhotoPalette): Buffer {
  return encodePng(width, height, demoPhotoPixels(width, height, palette));
}

export const demoPalettes: Record<string, DemoPhotoPalette> = {
  sunset: { sky: [255, 153, 102], horizon: [255, 94, 98], ground: [60, 40, 70], sun: [255, 236, 179] },
  coast: { sky: [135, 206, 250], horizon: [224, 247, 250], ground: [0, 105, 148], sun: [255, 250, 205] },
  forest: { sky: [176, 224, 230], horizon: [144, 238, 144], ground: [34, 85, 51], sun: [255, 255, 224] },
  night: { sky: [15, 23, 42], horizon: [67, 56, 202], ground: [17, 24, 39], sun: [226, 232, 240] },
};

/** A palette of its own for any other image file, derived from a number (the file id). */
export function paletteFor(seed: number): DemoPhotoPalette {
  const names = Object.keys(demoPalettes);
  return demoPalettes[names[seed % names.length]!]!;
}
