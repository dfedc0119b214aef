// save-dialog.ts — the one way an export reaches the disk: main's own save dialog (Electron's, or the
// harness's stand-in), so the page never names a path to write. Mirrors accounts/file-picker.ts for
// opening files.
import type { BrowserWindow, Dialog } from 'electron';
import type { ExportFormat } from '../../../shared/ipc/contract.ts';

export interface SaveRequest {
  readonly format: ExportFormat;
  /** What the dialog proposes, e.g. fillwatch-history-2026-11-24T14-00-01Z.csv. */
  readonly defaultName: string;
}

/** Shows a save dialog; resolves with the chosen path, or null when the user cancelled. */
export type SaveFile = (request: SaveRequest) => Promise<string | null>;

export function defaultExportName(format: ExportFormat, now: Date): string {
  return `fillwatch-history-${now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}.${format}`;
}

const FILTERS = {
  csv: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
} as const;

/** Electron's save dialog, attached to the main window while it exists. */
export function electronSaveDialog(dialog: Pick<Dialog, 'showSaveDialog'>, parent: () => BrowserWindow | undefined): SaveFile {
  return async ({ format, defaultName }) => {
    const options = { title: 'Export History', defaultPath: defaultName, filters: FILTERS[format].map((f) => ({ name: f.name, extensions: [...f.extensions] })), properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
    const window = parent();
    const result = window === undefined || window.isDestroyed() ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
    return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
  };
}
