// make-icon.ts — draws build/icon.png (1024 × 1024), the app icon electron-builder turns into the
// macOS .icns, the Windows .ico and the Linux icons: the tray's "all connected" badge (a green ring
// around a dot: an account being watched) on the window's dark background, in a rounded square.
// Drawn in code like the tray icons, so the icon has a source that can be reviewed and changed:
//   node scripts/release/make-icon.ts [out.png]
import { writeFileSync } from 'node:fs';
import { encodePng } from '../../electron/main/shell/png.ts';

const SIZE = 1024;
const BACKGROUND = [0x11, 0x15, 0x1b] as const; // window.ts's backgroundColor
const GREEN = [0x2f, 0xb3, 0x6d] as const;

export function appIconPng(size = SIZE): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const c = size / 2;
  const margin = size * 0.1; // macOS icons leave a margin around the rounded square
  const corner = size * 0.18;
  const ringOuter = size * 0.3;
  const ringInner = size * 0.22;
  const dot = size * 0.1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // Rounded square: distance outside the inner rectangle, minus the corner radius.
      const qx = Math.max(Math.abs(px - c) - (c - margin - corner), 0);
      const qy = Math.max(Math.abs(py - c) - (c - margin - corner), 0);
      const squareAlpha = clamp01(corner - Math.hypot(qx, qy) + 0.5);
      const d = Math.hypot(px - c, py - c);
      const ring = clamp01(ringOuter - d + 0.5) * clamp01(d - ringInner + 0.5);
      const green = Math.max(ring, clamp01(dot - d + 0.5));
      const colour = BACKGROUND.map((b, i) => Math.round(b + (GREEN[i]! - b) * green));
      rgba.set([colour[0]!, colour[1]!, colour[2]!, Math.round(squareAlpha * 255)], (y * size + x) * 4);
    }
  }
  return encodePng(size, size, rgba);
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

if (import.meta.main) {
  const out = process.argv[2] ?? 'build/icon.png';
  writeFileSync(out, appIconPng());
  console.log(`wrote ${out}`);
}
