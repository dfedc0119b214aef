// tray-icon.ts — the tray icon for each TrayState, drawn as a small anti-aliased badge: green disc (all
// connected), amber ring (some reconnecting or quiet), red disc with a bar (an account is down), grey
// thin ring (no account). Shape differs as well as colour, so the state never rests on colour alone;
// the tooltip says it in words. Each image carries 16 px and 32 px (HiDPI) representations.
import type { NativeImage, nativeImage } from 'electron';
import { encodePng } from './png.ts';
import type { TrayState } from './tray-state.ts';

type Rgb = readonly [number, number, number];

const LOOK: Readonly<Record<TrayState, { colour: Rgb; ring: number | null; bar: boolean }>> = {
  'all-connected': { colour: [0x2e, 0xa0, 0x43], ring: null, bar: false },
  'some-reconnecting': { colour: [0xd2, 0x99, 0x22], ring: 0.2, bar: false },
  'down': { colour: [0xda, 0x36, 0x33], ring: null, bar: true },
  'no-accounts': { colour: [0x8b, 0x94, 0x9e], ring: 0.11, bar: false },
};

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** The badge as a PNG of `size` × `size` pixels. */
export function trayIconPng(state: TrayState, size: number): Buffer {
  const { colour, ring, bar } = LOOK[state];
  const rgba = new Uint8Array(size * size * 4);
  const centre = size / 2;
  const radius = size * 0.42;
  const barHalfHeight = size * 0.09;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - centre;
      const dy = y + 0.5 - centre;
      const d = Math.hypot(dx, dy);
      // Coverage of a pixel by the disc (or ring), one pixel of soft edge.
      let alpha = clamp01(radius - d + 0.5);
      if (ring !== null) alpha *= clamp01(d - (radius - size * ring) + 0.5);
      let [r, g, b] = colour;
      if (bar) {
        const white = clamp01(barHalfHeight - Math.abs(dy) + 0.5) * clamp01(radius * 0.62 - Math.abs(dx) + 0.5);
        r += (255 - r) * white;
        g += (255 - g) * white;
        b += (255 - b) * white;
      }
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(alpha * 255)], (y * size + x) * 4);
    }
  }
  return encodePng(size, size, rgba);
}

export type NativeImageApi = Pick<typeof nativeImage, 'createEmpty'>;

/** A NativeImage with the 1× and 2× drawings of `state` (the OS picks per display). */
export function trayIconImage(images: NativeImageApi, state: TrayState): NativeImage {
  const image = images.createEmpty();
  image.addRepresentation({ scaleFactor: 1, buffer: trayIconPng(state, 16) });
  image.addRepresentation({ scaleFactor: 2, buffer: trayIconPng(state, 32) });
  return image;
}
