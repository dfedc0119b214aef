// about.ts — the About box's contents (pure): the version and the commit this build was made from
// (electron/core/build-info.ts, injected at build time), so a compliance team can tell exactly which
// build a screenshot or a report came from. macOS shows `version` in brackets after
// applicationVersion; Windows and Linux show only applicationVersion, so the commit goes there.
import type { AboutPanelOptionsOptions } from 'electron';
import type { BuildInfo } from '../../core/build-info.ts';

export const COPYRIGHT = 'Copyright © 2026 Fillwatch';

export function aboutPanelOptions(info: BuildInfo, platform: NodeJS.Platform): AboutPanelOptionsOptions {
  const base = { applicationName: 'Fillwatch', copyright: COPYRIGHT };
  if (platform === 'darwin') return { ...base, applicationVersion: info.version, version: `commit ${info.commit}` };
  return {
    ...base,
    applicationVersion: `${info.version} (commit ${info.commit})`,
    credits: 'A read-only Kalshi FIX drop-copy monitor: it never sends an order.',
  };
}
