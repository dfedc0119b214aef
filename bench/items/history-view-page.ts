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
