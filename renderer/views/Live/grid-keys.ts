// grid-keys.ts — where the focused row goes for a key, as in a spreadsheet: arrows move one row,
// Page keys a screenful, Home/End to the first or last row. Pure, so it is tested without a browser.
export function nextRowIndex(key: string, index: number, count: number, pageSize: number): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown': return Math.min(last, index + 1);
    case 'ArrowUp': return Math.max(0, index - 1);
    case 'PageDown': return Math.min(last, index + pageSize);
    case 'PageUp': return Math.max(0, index - pageSize);
    case 'Home': return 0;
    case 'End': return last;
    default: return undefined;
  }
}
