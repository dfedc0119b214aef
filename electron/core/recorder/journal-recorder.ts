// journal-recorder.ts — a Recorder whose store is the durable journal: sequence numbers and messages
// commit together, executions reach the sink only once committed, and each connection's metadata
// (never secrets) is logged beside them.
import { Journal } from '../journal/index.ts';
import type { ListenerSessionOptions } from '../session/session.ts';
import { describeDisconnect } from '../../../shared/events/session-events.ts';
import { Recorder, type ExecutionSink, type RecorderListeners } from './recorder.ts';

export interface JournalRecorder {
  readonly recorder: Recorder;
  readonly journal: Journal;
  /** Logs out, commits what is pending and closes the journal. */
  stop(): Promise<void>;
}

export function openJournalRecorder(
  dbPath: string,
  options: Omit<ListenerSessionOptions, 'store'>,
  sink: ExecutionSink | undefined,
  listeners: RecorderListeners = {},
  now: () => number = Date.now,
): JournalRecorder {
  let deliver: (records: Parameters<Recorder['deliverCommitted']>[0]) => void = () => {};
  const journal = Journal.open(dbPath, {
    session: { senderCompId: options.config.senderCompId, targetCompId: options.config.targetCompId },
    onCommitted: (records) => deliver(records),
    onUndecodable: (notices) => listeners.onUndecodableStored?.(notices),
  });
  const recorder = new Recorder({ ...options, store: journal }, sink, {
    ...listeners,
    onEvent: (event) => {
      // Metadata only: a failure to log it must not stop the recording.
      try {
        if (event.kind === 'connected') journal.recordConnection({ host: options.endpoint.host, port: options.endpoint.port, apiKeyId: options.config.senderCompId, startedAt: now() });
        if (event.kind === 'logon-accepted') journal.recordLogon(now());
        if (event.kind === 'disconnected') journal.recordDisconnect(now(), describeDisconnect(event.reason));
      } catch { /* the next message write reports a broken journal */ }
      listeners.onEvent?.(event);
    },
  }, 'store-commits');
  deliver = (records) => recorder.deliverCommitted(records);
  return {
    recorder,
    journal,
    async stop() {
      await recorder.stop();
      journal.close();
    },
  };
}
