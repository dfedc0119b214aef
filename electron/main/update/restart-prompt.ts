// restart-prompt.ts — what the user is asked once an update is downloaded and verified (pure). An
// update is never installed by restarting on our own: the answer is always the user's. With accounts
// connected the question names them and says what a restart does to them (each logs out, then resumes
// from the journal, so nothing is lost but the exchange sees a Logout), and the default button is
// Later, so an Enter pressed by habit does not interrupt a watched session.
export interface RestartQuestion {
  readonly type: 'info' | 'question';
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly [string, string];
  readonly defaultId: 0 | 1;
  readonly cancelId: 1;
}

/** Button 0 restarts now; 1 (also Esc / closing the box) installs when Fillwatch next quits. */
export const RESTART_NOW = 0;

export function restartQuestion(version: string, connectedAccounts: readonly string[]): RestartQuestion {
  const base = {
    title: 'Update ready',
    message: `Fillwatch ${version} is downloaded and its signature verified.`,
    buttons: ['Restart Now', 'Later'] as const,
    cancelId: 1 as const,
  };
  if (connectedAccounts.length === 0) {
    return { ...base, type: 'info', detail: 'Restart now to install it, or later: it installs when you quit Fillwatch.', defaultId: 0 };
  }
  const names = connectedAccounts.length <= 3
    ? connectedAccounts.join(', ')
    : `${connectedAccounts.slice(0, 3).join(', ')} and ${connectedAccounts.length - 3} more`;
  const n = connectedAccounts.length;
  return {
    ...base,
    type: 'question',
    detail: `${n === 1 ? 'One account is' : `${n} accounts are`} connected (${names}). Restarting logs ${n === 1 ? 'it' : 'them'} out; `
      + 'recording resumes from the journal after the restart, with nothing missed. Later installs the update when you quit Fillwatch.',
    defaultId: 1,
  };
}
