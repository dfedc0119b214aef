// evidence-pack.ts — one alert's evidence pack as files in memory, read from the journal in one
// snapshot: alert.json (the alert, its history of reviews and exports, and where each piece of evidence
// is), messages/<id>.fix (each evidence message's bytes exactly as stored), messages.txt (the same
// messages decoded with tag names) and manifest.json (the SHA-256 of every other file, tied to both
// chain heads of the journal at that snapshot). Writing the folder and recording the export are the
// caller's (cli/evidence-command.ts). Never writes.
import { Buffer } from 'node:buffer';
import { hash } from 'node:crypto';
import type { ExportedFile } from '../../../shared/surveillance/alert-records.ts';
import { AlertStoreError } from './alert-input.ts';
import type { AlertStore } from './alert-store.ts';
import type { EvidenceMessage } from './evidence-messages.ts';
import { describeMessageLines } from './message-text.ts';

export const PACK_FORMAT = 'fillwatch-evidence-pack/1';

export interface PackFile {
  /** Relative to the pack's folder, '/'-separated. */
  readonly name: string;
  readonly bytes: Buffer;
}

export interface PackContext {
  readonly at: number;
  readonly user: string;
  /** The journal file as the auditor should find it (absolute). */
  readonly journalPath: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');
export const sha256Hex = (bytes: Uint8Array) => hash('sha256', bytes, 'hex');

export function describeFile(file: PackFile): ExportedFile {
  return { name: file.name, bytes: file.bytes.length, sha256: sha256Hex(file.bytes) };
}

/** The pack's files, manifest.json last. Throws AlertStoreError('unknown-alert'). */
export function buildEvidencePack(store: AlertStore, alertId: string, context: PackContext): PackFile[] {
  return store.consistent(() => {
    const alert = store.get(alertId);
    if (alert === undefined) throw new AlertStoreError('unknown-alert', `No alert with id "${alertId}" is in the journal.`, alertId);
    const heads = store.heads();
    const found = store.evidenceMessages(alert.evidence);
    const fileOf = (m: EvidenceMessage) => `messages/${String(m.rawId).padStart(6, '0')}.fix`;
    const files: PackFile[] = [
      {
        name: 'alert.json',
        bytes: json({
          format: PACK_FORMAT,
          alert,
          evidenceMessages: found.messages.map((m) => ({
            messageId: m.rawId, file: fileOf(m), account: m.account, execId: m.execId, orderId: m.orderId,
            receivedAt: iso(m.receivedAt), msgSeqNum: m.msgSeqNum, reasons: m.reasons,
          })),
          missingExecutions: found.missing,
          unreadableMessages: found.unreadable,
        }),
      },
      ...found.messages.map((m) => ({ name: fileOf(m), bytes: m.raw })),
      { name: 'messages.txt', bytes: Buffer.from(messagesText(alertId, context.journalPath, found.messages, fileOf), 'utf8') },
    ];
    const manifest = {
      format: PACK_FORMAT,
      alertId,
      createdAt: iso(context.at),
      createdBy: context.user,
      journal: {
        file: context.journalPath,
        messageChainHead: { messageId: heads.messages.lastRawId, sha256: heads.messages.lastHash.toString('hex') },
        auditChainHead: { entryId: heads.audit.lastId, sha256: heads.audit.lastHash.toString('hex') },
      },
      files: files.map(describeFile).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      howToCheck: 'Each file\'s SHA-256 equals its entry here. `fillwatch verify --db <journal>` finds the journal intact; its audit entry '
        + 'auditChainHead.entryId has auditChainHead.sha256 as its hash (audit_log.hash), and a later export entry of this alert '
        + 'records the SHA-256 of this manifest.json.',
    };
    return [...files, { name: 'manifest.json', bytes: json(manifest) }];
  });
}

function messagesText(alertId: string, journalPath: string, messages: readonly EvidenceMessage[], fileOf: (m: EvidenceMessage) => string): string {
  const blocks = messages.map((m) => {
    const head = `Message ${m.rawId} (${fileOf(m)}), account ${m.account ?? 'unknown'}, received ${iso(m.receivedAt)}, `
      + `MsgSeqNum ${m.msgSeqNum ?? 'unreadable'}: ${m.reasons.join(', ')}`;
    return [head, ...describeMessageLines(m.raw).map((line) => `  ${line}`)].join('\n');
  });
  return [`Evidence of alert ${alertId}: ${messages.length} message(s) from ${journalPath}`, ...blocks].join('\n\n') + '\n';
}
