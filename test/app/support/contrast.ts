/// <reference lib="dom" />
// (DOM types: the functions passed to page.evaluate run in the page.)
// contrast.ts — an axe-like WCAG 2 contrast check that runs inside the page: every visible text node's
// colour against the first opaque background behind it. Passed to page.evaluate, so it is self-contained.
export interface ContrastFailure {
  readonly text: string;
  readonly ratio: number;
  readonly color: string;
  readonly background: string;
}

export function contrastFailures(selector: string): ContrastFailure[] {
  const parse = (css: string): [number, number, number, number] => {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(css);
    return m === null ? [0, 0, 0, 0] : [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  };
  const luminance = ([r, g, b]: number[]) => {
    const lin = (c: number) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  };
  const backgroundOf = (el: Element | null): [number, number, number, number] => {
    for (let e = el; e !== null; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] >= 0.99) return bg;
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor);
  };
  const failures: ContrastFailure[] = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (text === '' || el === null || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      const fg = parse(style.color);
      const bg = backgroundOf(el);
      // Blend a translucent text colour over its background, as the screen does.
      const blended = [0, 1, 2].map((i) => fg[i]! * fg[3] + bg[i]! * (1 - fg[3]));
      const [l1, l2] = [luminance(blended), luminance(bg)].sort((a, b) => b - a);
      const ratio = (l1! + 0.05) / (l2! + 0.05);
      const large = Number.parseFloat(style.fontSize) >= 24 || (Number.parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) failures.push({ text: text.slice(0, 40), ratio: Math.round(ratio * 100) / 100, color: style.color, background: `rgb(${bg.slice(0, 3).join(', ')})` });
    }
  }
  return failures;
}
