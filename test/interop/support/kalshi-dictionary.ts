// kalshi-dictionary.ts — builds the data dictionary the jspurefix acceptor loads: a subset of the
// FIX50SP2 QuickFIX dictionary jspurefix ships (data/FIX50SP2.xml), restricted to the messages a
// Kalshi listener session exchanges, plus Kalshi's custom Logon fields (kalshi-fix.md §2.1).
//
// Why a subset: parsing the full 26 000-line FIX50SP2.xml takes jspurefix ~3 s per acceptor on
// this machine; the subset parses in a fraction of that. Every field, component and message kept
// is copied verbatim from jspurefix's file (same tags, types, order and required flags), so
// jspurefix validates and encodes exactly as it would with the full dictionary for these messages.
// Why the custom fields: jspurefix's acceptor checks every inbound message against its dictionary
// (invalid tags, tags not defined for the message type, missing required tags) and rejects the
// message otherwise. A venue with custom Logon tags declares them in its dictionary, as Kalshi does
// in kalshi-fix-dictionary.xml; this file does the same for the tags Fillwatch sends.
// Never writes anywhere but the temp directory it is given.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

/** Kalshi Logon tags (kalshi-fix.md §2.1) that FIX50SP2 does not define. */
export const KALSHI_LOGON_FIELDS: ReadonlyArray<{ tag: number; name: string; type: string }> = [
  { tag: 20126, name: 'ListenerSession', type: 'BOOLEAN' },
  { tag: 21011, name: 'SkipPendingExecReports', type: 'BOOLEAN' },
  { tag: 21003, name: 'SkipPendingExecReportsLegacy', type: 'BOOLEAN' },
  { tag: 21005, name: 'UseDollars', type: 'BOOLEAN' },
  { tag: 20127, name: 'ReceiveSettlementReports', type: 'BOOLEAN' },
  { tag: 20200, name: 'MessageRetentionPeriod', type: 'INT' },
  { tag: 21026, name: 'AlwaysEmitNewBeforeTrade', type: 'BOOLEAN' },
  { tag: 21012, name: 'UseExpiredOrdStatus', type: 'BOOLEAN' },
];

const ADMIN_MESSAGES = ['Heartbeat', 'TestRequest', 'ResendRequest', 'Reject', 'SequenceReset', 'Logout', 'Logon'];

/**
 * ExecutionReport members kept (kalshi-fix.md §4.1 tags that FIX50SP2's ExecutionReport carries).
 * Instrument (55) and OrderQtyData (38) are components; MiscFeesGrp is the 136 group.
 */
const EXECUTION_REPORT_MEMBERS = new Set([
  'OrderID', 'ClOrdID', 'OrigClOrdID', 'TrdMatchID', 'ExecID', 'ExecType', 'OrdStatus', 'OrdRejReason',
  'Instrument', 'Side', 'OrderQtyData', 'Price', 'TimeInForce', 'ExpireTime', 'AggressorIndicator',
  'LastQty', 'LastPx', 'LastMkt', 'LeavesQty', 'CumQty', 'AvgPx', 'TransactTime', 'Text', 'MiscFeesGrp',
]);

/** Instrument is huge in FIX50SP2 (dozens of nested groups); Kalshi uses Symbol alone. */
const INSTRUMENT_MEMBERS = new Set(['Symbol']);

const REFERENCE = /<(field|group|component) name='([^']+)'/g;

export function jspurefixFix50Sp2Path(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('jspurefix/package.json'), '..', 'data', 'FIX50SP2.xml');
}

/** Writes the subset dictionary into `dir` and returns its absolute path. */
export function writeKalshiDictionary(dir: string, sourcePath = jspurefixFix50Sp2Path()): string {
  const path = join(dir, 'kalshi-fix50sp2.xml');
  writeFileSync(path, buildKalshiDictionary(readFileSync(sourcePath, 'utf8')));
  return path;
}

export function buildKalshiDictionary(source: string): string {
  const header = one(source, /<header>[\s\S]*?<\/header>/, 'header');
  const trailer = one(source, /<trailer>[\s\S]*?<\/trailer>/, 'trailer');
  const messages = blocks(source, /<message name='([^']+)'[^>]*>[\s\S]*?<\/message>/g);
  const components = blocks(section(source, 'components'), /<component name='([^']+)'>[\s\S]*?\n\s*<\/component>/g);
  const fields = blocks(section(source, 'fields'), /<field number='\d+' name='([^']+)' type='[^']+'\s*(?:\/>|>[\s\S]*?<\/field>)/g);

  const keptMessages = ADMIN_MESSAGES.map((name) => need(messages, name, 'message'));
  keptMessages[keptMessages.length - 1] = addLogonFields(keptMessages[keptMessages.length - 1]!);
  keptMessages.push(keepMembers(need(messages, 'ExecutionReport', 'message'), EXECUTION_REPORT_MEMBERS));

  const usedComponents = new Map<string, string>();
  const usedFields = new Set<string>();
  const visit = (text: string): void => {
    for (const [, kind, name] of text.matchAll(REFERENCE)) {
      if (kind === 'component') {
        if (usedComponents.has(name!)) continue;
        let body = need(components, name!, 'component');
        if (name === 'Instrument') body = keepMembers(body, INSTRUMENT_MEMBERS);
        usedComponents.set(name!, body);
        visit(body);
      } else {
        usedFields.add(name!);
      }
    }
  };
  for (const text of [header, trailer, ...keptMessages]) visit(text);

  const custom = new Set(KALSHI_LOGON_FIELDS.map((f) => f.name));
  const fieldDefs = [...usedFields].filter((name) => !custom.has(name)).map((name) => need(fields, name, 'field'));
  for (const f of KALSHI_LOGON_FIELDS) fieldDefs.push(`<field number='${f.tag}' name='${f.name}' type='${f.type}' />`);
  return [
    "<fix type='FIX' major='5' minor='0' servicepack='2'>",
    header,
    '<messages>', ...keptMessages, '</messages>',
    trailer,
    '<components>', ...usedComponents.values(), '</components>',
    '<fields>', ...fieldDefs, '</fields>',
    '</fix>',
    '',
  ].join('\n');
}

function addLogonFields(logon: string): string {
  const extra = KALSHI_LOGON_FIELDS.map((f) => `<field name='${f.name}' required='N' />`).join('\n');
  return logon.replace(/<\/message>\s*$/, `${extra}\n</message>`);
}

/** Keeps the opening and closing lines and the member lines whose name is in `keep`. */
function keepMembers(block: string, keep: ReadonlySet<string>): string {
  const lines = block.split('\n');
  return lines.filter((line, i) => {
    if (i === 0 || i === lines.length - 1) return true;
    const name = /name='([^']+)'/.exec(line)?.[1];
    return name !== undefined && keep.has(name);
  }).join('\n');
}

function section(source: string, tag: string): string {
  return one(source, new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`), tag);
}

function one(source: string, pattern: RegExp, what: string): string {
  const match = pattern.exec(source);
  if (match === null) throw new Error(`FIX50SP2.xml has no ${what} section`);
  return match[0];
}

function blocks(source: string, pattern: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of source.matchAll(pattern)) out.set(match[1]!, match[0]);
  return out;
}

function need(map: ReadonlyMap<string, string>, name: string, what: string): string {
  const found = map.get(name);
  if (found === undefined) throw new Error(`FIX50SP2.xml defines no ${what} named ${name}`);
  return found;
}
