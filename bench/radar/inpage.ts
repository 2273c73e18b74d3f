/*
 * Functions run inside the page by bench/radar.bench.ts (via page.evaluate).
 * They must be self-contained: no imports, no closures over module scope.
 */

/** Selectors of one implementation's parts. */
export interface ImplSelectors {
  blip: string;
  /** The tooltip, present (and non-empty) only while one is shown. */
  tooltip: string;
  legendItem: string;
  /** Elements listing blips the radar could not draw, text "+K more …". */
  overflow: string;
}

export const SELECTORS: Record<'ours' | 'community', ImplSelectors> = {
  ours: {
    blip: '[data-testid="tech-radar-blip"]',
    tooltip: '[role="tooltip"]',
    legendItem: '[data-testid="tech-radar-legend"] li',
    overflow: '[data-testid="tech-radar-overflow"] button',
  },
  community: {
    blip: 'g[data-testid="radar-entry"]',
    tooltip: '[data-testid="radar-bubble"] text',
    legendItem: '[data-testid="radar-legend"] li',
    overflow: '[data-bench-none]',
  },
};

export interface RenderResult {
  /** data mark → all blips in the DOM, then the next frame. */
  renderMs: number;
  /** data mark → blip positions final (seen unchanged 2 more frames), then the next frame. */
  settleMs: number;
  /** data mark → every entry listed in the legend, then the next frame (-1: never). */
  legendMs: number;
  blips: number;
  notDrawn: number;
  timedOut: boolean;
}

/**
 * Starts the harness (`window.radarBench.start()`, which marks 'data') and
 * waits, frame by frame, until every entry is a blip (or listed as not
 * drawn), blip positions stop changing and the legend lists every entry.
 */
export function measureRender(args: {
  sel: ImplSelectors;
  n: number;
}): Promise<RenderResult> {
  const { sel, n } = args;
  const raf = () =>
    new Promise<number>(resolve => requestAnimationFrame(t => resolve(t)));
  const notDrawnCount = () => {
    let sum = 0;
    document.querySelectorAll(sel.overflow).forEach(el => {
      const m = /\+(\d+)/.exec(el.textContent || '');
      if (m) sum += Number(m[1]);
    });
    return sum;
  };
  const positions = (nodes: NodeListOf<Element>) => {
    const parts: string[] = [];
    nodes.forEach(node => parts.push(node.getAttribute('transform') || ''));
    return parts.join('|');
  };
  return (async () => {
    const bench = (window as any).radarBench;
    bench.start();
    const t0 = performance.getEntriesByName('data', 'mark')[0].startTime;
    const deadline = t0 + 10_000;
    let renderMs = -1;
    let settleMs = -1;
    let legendMs = -1;
    let settled = false;
    let settledAt = 0;
    const legendDone = async () => {
      if (legendMs >= 0) return true;
      if (document.querySelectorAll(sel.legendItem).length < n) return false;
      await raf();
      legendMs = performance.now() - t0;
      return true;
    };
    let lastPositions = '';
    let stableFrames = 0;
    let blips = 0;
    let notDrawn = 0;
    for (;;) {
      await raf();
      if (performance.now() > deadline) break;
      if (renderMs < 0) {
        blips = document.querySelectorAll(sel.blip).length;
        notDrawn = notDrawnCount();
        if (blips > 0 && blips + notDrawn >= n) {
          lastPositions = positions(document.querySelectorAll(sel.blip));
          const listed = document.querySelectorAll(sel.legendItem).length >= n;
          // the frame after the one that first showed them
          await raf();
          renderMs = performance.now() - t0;
          settleMs = renderMs;
          if (listed) legendMs = renderMs;
        }
        continue;
      }
      if (!settled) {
        const p = positions(document.querySelectorAll(sel.blip));
        if (p !== lastPositions) {
          // still moving: settled at the earliest in the frame after this one
          lastPositions = p;
          stableFrames = 0;
          await raf();
          settleMs = performance.now() - t0;
        } else if (++stableFrames >= 2) {
          settled = true;
          settledAt = performance.now();
        }
      }
      if ((await legendDone()) && settled) break;
      // a legend that never lists everything: give up 3 s after settling
      if (settled && performance.now() - settledAt > 3000) break;
    }
    blips = document.querySelectorAll(sel.blip).length;
    return {
      renderMs,
      settleMs,
      legendMs,
      blips,
      notDrawn,
      timedOut: renderMs < 0 || !settled,
    };
  })();
}

/**
 * Arms a capturing `mouseover` listener: on the first one over a blip it
 * records `performance.now()`, waits (frame by frame) for the tooltip, and
 * records the time of the frame after it appeared in `window.__hoverResult`.
 */
export function armHover(sel: ImplSelectors): void {
  const w = window as any;
  w.__hoverResult = undefined;
  const tooltipShown = () => {
    const el = document.querySelector(sel.tooltip);
    return !!el && (el.textContent || '').trim().length > 0;
  };
  const onOver = (event: Event) => {
    const target = event.target as Element | null;
    if (!target || !target.closest || !target.closest(sel.blip)) return;
    window.removeEventListener('mouseover', onOver, true);
    const t0 = performance.now();
    const deadline = t0 + 10_000;
    const step = () => {
      if (tooltipShown()) {
        // this frame paints it; stop at the next one
        requestAnimationFrame(() => {
          w.__hoverResult = {
            ms: performance.now() - t0,
            title: (document.querySelector(sel.tooltip)!.textContent || '')
              .trim()
              .slice(0, 40),
          };
        });
      } else if (performance.now() > deadline) {
        w.__hoverResult = { ms: -1, title: '' };
      } else {
        requestAnimationFrame(step);
      }
    };
    // React handles the event in this task (or a scheduled one); check at the next frame
    requestAnimationFrame(step);
  };
  window.addEventListener('mouseover', onOver, true);
}

export interface Geometry {
  blips: number;
  /** Pairs whose shape bounding boxes intersect with positive area. */
  bboxOverlaps: number;
  /** Of those, pairs whose filled shapes really intersect (sampled on a grid). */
  shapeOverlaps: number;
  legendPresent: number;
  legendVisible: number;
  legendClipped: boolean;
}

/** Overlapping blip pairs and legend completeness, from the DOM. */
export function measureGeometry(args: {
  sel: ImplSelectors;
  titles: string[];
}): Geometry {
  const { sel, titles } = args;
  const shapesOf: Array<{ el: Element; box: DOMRect }> = [];
  document.querySelectorAll(sel.blip).forEach(blip => {
    const shapes = Array.from(
      blip.querySelectorAll('circle, polygon, rect, path'),
    ).filter(
      el =>
        !el.hasAttribute('data-movement') &&
        getComputedStyle(el).visibility !== 'hidden',
    );
    if (shapes.length) {
      shapesOf.push({ el: shapes[0], box: shapes[0].getBoundingClientRect() });
    }
  });
  let bboxOverlaps = 0;
  let shapeOverlaps = 0;
  const eps = 0.01;
  // does a screen point fall inside the filled shape?
  const inFill = (el: Element, x: number, y: number) => {
    const g = el as SVGGeometryElement;
    const ctm = g.getScreenCTM();
    const svg = g.ownerSVGElement;
    if (!ctm || !svg) return false;
    const p = svg.createSVGPoint();
    p.x = x;
    p.y = y;
    return g.isPointInFill(p.matrixTransform(ctm.inverse()));
  };
  // sort by left edge and sweep, so 1000 blips stay cheap
  const sorted = shapesOf.slice().sort((a, b) => a.box.left - b.box.left);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i].box;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j].box;
      if (b.left >= a.right - eps) break;
      const left = Math.max(a.left, b.left);
      const top = Math.max(a.top, b.top);
      const w = Math.min(a.right, b.right) - left;
      const h = Math.min(a.bottom, b.bottom) - top;
      if (w <= eps || h <= eps) continue;
      bboxOverlaps++;
      // the shapes themselves: sample the common box on a 9x9 grid
      let hit = false;
      for (let u = 0; u < 9 && !hit; u++) {
        for (let v = 0; v < 9 && !hit; v++) {
          const x = left + ((u + 0.5) / 9) * w;
          const y = top + ((v + 0.5) / 9) * h;
          hit = inFill(sorted[i].el, x, y) && inFill(sorted[j].el, x, y);
        }
      }
      if (hit) shapeOverlaps++;
    }
  }

  // legend: which titles are listed, and which of those can be seen without
  // scrolling inside the radar (clipping ancestors up to the bench root)
  const root = document.querySelector('[data-testid="radar-bench-root"]');
  const wanted = new Set(titles);
  const present = new Set<string>();
  const visible = new Set<string>();
  let clipped = false;
  const clipCache = new Map<Element, boolean>();
  const clips = (el: Element) => {
    let c = clipCache.get(el);
    if (c === undefined) {
      const s = getComputedStyle(el);
      c =
        s.overflowX !== 'visible' ||
        s.overflowY !== 'visible' ||
        el.tagName.toLowerCase() === 'foreignobject';
      clipCache.set(el, c);
    }
    return c;
  };
  document.querySelectorAll(sel.legendItem).forEach(li => {
    const m = /Tech \d{4}/.exec(li.textContent || '');
    if (!m || !wanted.has(m[0])) return;
    present.add(m[0]);
    const r = li.getBoundingClientRect();
    let ok = r.width > 0 && r.height > 0;
    for (
      let el = li.parentElement;
      ok && el && el !== root;
      el = el.parentElement
    ) {
      if (!clips(el)) continue;
      const c = el.getBoundingClientRect();
      const inside =
        r.top >= c.top - 1 &&
        r.bottom <= c.bottom + 1 &&
        r.left >= c.left - 1 &&
        r.right <= c.right + 1;
      if (!inside) ok = false;
      if (el.scrollHeight > el.clientHeight + 1) clipped = true;
    }
    if (ok) visible.add(m[0]);
  });
  return {
    blips: shapesOf.length,
    bboxOverlaps,
    shapeOverlaps,
    legendPresent: present.size,
    legendVisible: visible.size,
    legendClipped: clipped || visible.size < titles.length,
  };
}
