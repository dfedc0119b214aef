// Test helpers for the FIX codec: build real frames from readable '|'-separated text, computing
// BodyLength(9) and CheckSum(10) independently of encode.ts so tests do not trust the code under test.
import { Buffer } from 'node:buffer';
import type { FixFramer, FrameSink } from '../../../electron/core/fix/framer.ts';
import type { FrameError } from '../../../electron/core/fix/errors.ts';

/**
 * '8=FIXT.1.1|9=NNN|35=0|…|10=XXX|' (or without 8/9/10) → a wire frame with correct 9 and 10.
 * Any 9=/10= fields in the text are placeholders and are replaced.
 */
export function frame(pipeText: string, beginString = 'FIXT.1.1'): Buffer {
  const fields = pipeText.split('|').filter((f) => f.length > 0);
  const body = fields.filter((f) => !f.startsWith('8=') && !f.startsWith('9=') && !f.startsWith('10='));
  const bodyText = body.map((f) => `${f}\x01`).join('');
  const head = `8=${beginString}\x019=${Buffer.byteLength(bodyText, 'latin1')}\x01`;
  const bytes = Buffer.from(head + bodyText, 'latin1');
  let sum = 0;
  for (const b of bytes) sum += b;
  return Buffer.concat([bytes, Buffer.from(`10=${String(sum % 256).padStart(3, '0')}\x01`, 'latin1')]);
}

/** The frame as '|' text, for readable assertions. */
export function pipes(buf: Buffer): string {
  return buf.toString('latin1').replaceAll('\x01', '|');
}

export interface Collected {
  frames: Buffer[];
  errors: FrameError[];
  /** Frames and error kinds interleaved in emission order. */
  events: string[];
}

export function collector(): Collected & { sink: FrameSink } {
  const c: Collected = { frames: [], errors: [], events: [] };
  const sink: FrameSink = {
    onFrame(f) {
      c.frames.push(Buffer.from(f)); // copy: views may alias the pushed chunk
      c.events.push('frame');
    },
    onFrameError(e) {
      c.errors.push(e);
      c.events.push(e.kind);
    },
  };
  return { ...c, sink };
}

export function pushAll(framer: FixFramer, chunks: readonly Buffer[]): Collected {
  const c = collector();
  for (const chunk of chunks) framer.push(chunk, c.sink);
  return c;
}

/** A typical inbound header for tests. */
export const HDR = '35=0|34=5|49=KalshiRT|52=20261124-14:06:00.010|56=3f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e77';
