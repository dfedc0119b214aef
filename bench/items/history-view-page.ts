/// <reference lib="dom" />
// history-view-page.ts — what bench item 10 runs inside the History page (passed to page.evaluate,
// so each function is self-contained): one filter keystroke or one header click, timed from the input
// to the first animation frame after the grid shows the new query's rows (data-query counts the
// queries shown); and a scroll run that records the time between animation frames.

/** Sets the quick filter's text as a keystroke would (React listens to 'input'); ms until the rows are shown. */
export async function timeFilterKeystroke(text: string): Promise<number> {
  const grid = document.querySelector<HTMLElement>('.hgrid-scroll')!;
  const input = document.querySelector<HTMLInputElement>('#history-quick')!;
  const before = Number(grid.dataset['query']);
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const started = performance.now();
  setValue.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise<void>((resolve) => {
    const check = () => (Number(grid.dataset['query']) > before ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
    check();
  });
  return performance.now() - started;
}

/** Clicks the sort button of the header named `header`; ms until the rows of the new sort are shown. */
export async function timeSortClick(header: string): Promise<number> {
  const grid = document.querySelector<HTMLElement>('.hgrid-scroll')!;
  const button = [...document.querySelectorAll<HTMLButtonElement>('.hgrid-sort')].find((b) => b.querySelector('.hgrid-th-label')?.textContent === header)!;
  const before = Number(grid.dataset['query']);
  const started = performance.now();
  button.click();
  await new Promise<void>((resolve) => {
    const check = () => (Number(grid.dataset['query']) > before ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
    check();
  });
  return performance.now() - started;
}

/** Scrolls the grid by `step` px per animation frame for `frames` frames; the time between frames (ms). */
export async function scrollFrames(args: { readonly step: number; readonly frames: number }): Promise<number[]> {
  const grid = document.querySelector<HTMLElement>('.hgrid-scroll')!;
  grid.scrollTop = 0;
  const gaps: number[] = [];
  let last = performance.now();
  await new Promise<void>((resolve) => {
    let n = 0;
    const frame = (now: number) => {
      gaps.push(now - last);
      last = now;
      grid.scrollTop += args.step;
      if (++n < args.frames) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(frame); });
  });
  return gaps;
}

/**
 * Types `text` into the quick filter one character every `intervalMs` (as a person types, not waiting
 * for rows), and returns, for each keystroke, the ms until the first animation frame that shows the rows
 * of that text or of a longer one typed after it. Which text a shown page belongs to is learnt by
 * wrapping the page's history.snapshot (the harness's API object; bench only): the grid's data-query
 * counts the pages shown, and a page shown is the answer of the newest snapshot answered by then.
 */
export async function typeAtPace(args: { readonly text: string; readonly intervalMs: number }): Promise<number[]> {
  const grid = document.querySelector<HTMLElement>('.hgrid-scroll')!;
  const input = document.querySelector<HTMLInputElement>('#history-quick')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const history = (window as unknown as { fillwatch: { history: { snapshot: (request: { filter: { text?: string } }) => Promise<unknown> } } }).fillwatch.history;
  const original = history.snapshot;
  let answered = '';
  history.snapshot = async (request) => {
    const answer = await original.call(history, request);
    answered = request.filter.text ?? '';
    return answer;
  };
  const typedAt: number[] = [];
  const shownAt: (number | undefined)[] = [];
  let query = Number(grid.dataset['query']);
  let done = false;
  // Each frame: a new page shown since the last one belongs to the newest answered text; every keystroke
  // that text covers (and not yet served) is served by this frame.
  // As timeFilterKeystroke: the frame after the one that found the rows in the DOM (which paints them).
  let serving: number[] = [];
  const watch = (now: number) => {
    for (const k of serving) shownAt[k] = now;
    serving = [];
    const shown = Number(grid.dataset['query']);
    if (shown > query) {
      query = shown;
      for (let k = 0; k < answered.length && k < typedAt.length; k++) if (shownAt[k] === undefined) { shownAt[k] = Number.NaN; serving.push(k); }
    }
    if (serving.length === 0 && shownAt.length === args.text.length && shownAt.every((t) => t !== undefined)) done = true;
    if (!done) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  for (let n = 1; n <= args.text.length; n++) {
    typedAt.push(performance.now());
    shownAt.push(undefined);
    setValue.call(input, args.text.slice(0, n));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (n < args.text.length) await new Promise((resolve) => setTimeout(resolve, args.intervalMs));
  }
  const deadline = performance.now() + 10_000;
  while (!done && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  done = true;
  history.snapshot = original;
  return typedAt.map((t, k) => (shownAt[k] ?? Number.NaN) - t);
}

/** Clicks the grid's row at `index` (from the top of what is drawn); ms until the details drawer shows that execution with its order's lifecycle. */
export async function timeOpenDetails(index: number): Promise<number> {
  const row = document.querySelectorAll<HTMLElement>('.hgrid-row[data-row-id]')[index]!;
  const title = `Execution ${row.dataset['execId']}`;
  const started = performance.now();
  row.click();
  await new Promise<void>((resolve) => {
    const shown = () => document.querySelector('#drawer-title')?.textContent === title && document.querySelector('.drawer-table tr.is-current') !== null;
    const check = () => (shown() ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
    check();
  });
  return performance.now() - started;
}
