// chromium.ts — Debian's Chromium through playwright-core (no browser download). Tests that need it
// skip when it is missing, unless FILLWATCH_CHROMIUM_REQUIRED=1 (scripts/test.sh, CI) makes that a failure.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export const chromiumPath = CANDIDATES.find((p) => existsSync(p));
export const chromiumRequired = process.env['FILLWATCH_CHROMIUM_REQUIRED'] === '1';
/** The `skip` option for a Chromium test. */
export const skipWithoutChromium = chromiumPath === undefined && !chromiumRequired ? 'no Chromium (apt-get install chromium, or run scripts/test.sh)' : false;
