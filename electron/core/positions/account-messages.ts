// account-messages.ts — "does message id N belong to this account?" over the sorted message-id
// ranges of its sessions (JournalReader.accountMessageRanges), by binary search. One journal file
// holds every account; positions are per account.

export class AccountMessages {
  readonly #ranges: ReadonlyArray<readonly [number, number]>;

  constructor(ranges: ReadonlyArray<readonly [number, number]>) {
    this.#ranges = ranges;
  }

  has(rawId: number): boolean {
    const r = this.#ranges;
    let lo = 0;
    let hi = r.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [first, end] = r[mid]!;
      if (rawId < first) hi = mid - 1;
      else if (rawId >= end) lo = mid + 1;
      else return true;
    }
    return false;
  }
}
