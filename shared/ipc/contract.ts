// contract.ts — the whole IPC contract between Electron's main and the renderer, from one import:
// channel names (all `fillwatch:`-prefixed), the request/response pairs and the pushed events, each a
// zod schema with its z.infer type, and the {ok, value} | {ok: false, error} envelope every answer
// travels in. Main's handlers, the preload and the renderer are typed from `requests` and `events`, so
// a renamed field breaks all three at compile time; main parses every request with them before acting.
// Each area keeps its schemas and its requests in contract/<area>.ts (alerts in alerts-contract.ts);
// this file only gathers them, so importers need to know one path.
//
// Wire rules: plain JSON-safe data (Electron's structured clone and the harness's WebSocket carry it
// alike), so decimals travel as exact decimal strings (decimal.ts `toString`), never as numbers, and
// an absent value is `null`. Only public facts cross: no key material, no certificate bodies.
export * from './contract/wire-basics.ts';
export * from './contract/accounts.ts';
export * from './contract/live.ts';
export * from './contract/positions.ts';
export * from './contract/session.ts';
export * from './contract/notifications.ts';
export * from './contract/settings.ts';
export * from './contract/history.ts';
export * from './contract/requests.ts';
export * from './contract/events.ts';
export * from './contract/channels.ts';
export * from './contract/envelope.ts';
