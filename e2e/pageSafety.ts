import type { Page } from 'playwright-core';
import { PWNED } from './fixtures/hostileGuide';

/** What a page did that a hostile guide must never make it do. */
export interface PageIncidents {
  dialogs: string[];
  errors: string[];
}

/**
 * Records the dialogs (alert, confirm, prompt: dismissed at once) and the
 * uncaught errors of a page, from now on.
 */
export function watchPage(page: Page): PageIncidents {
  const incidents: PageIncidents = { dialogs: [], errors: [] };
  page.on('dialog', dialog => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', error => {
    incidents.errors.push(error.message);
  });
  return incidents;
}

/** Whether the global every payload tries to set is set. */
export async function pwned(page: Page): Promise<boolean> {
  return page.evaluate(name => name in window, PWNED);
}

/**
 * Every link target of the page (HTML anchors, SVG anchors, areas, forms)
 * that is neither http(s) nor relative to the portal: the unsafe ones.
 */
export async function unsafeLinks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const unsafe: string[] = [];
    const nodes = document.querySelectorAll(
      'a, area, [href], [*|href], form[action], iframe, embed, object',
    );
    for (const node of Array.from(nodes)) {
      const values = [
        node.getAttribute('href'),
        node.getAttributeNS('http://www.w3.org/1999/xlink', 'href'),
        node.getAttribute('action'),
        node.getAttribute('src'),
        node.getAttribute('data'),
      ].filter((v): v is string => v !== null);
      for (const value of values) {
        let protocol: string;
        try {
          protocol = new URL(value, document.baseURI).protocol;
        } catch {
          continue; // not a URL: not followed
        }
        if (protocol !== 'http:' && protocol !== 'https:') {
          unsafe.push(`<${node.localName}> ${value.slice(0, 120)}`);
        }
      }
    }
    return unsafe;
  });
}

/**
 * How far the page reaches right of the viewport, in CSS pixels (0: not at
 * all), and the element reaching furthest (tag and classes), to name in a
 * failure.
 */
export async function horizontalOverflow(
  page: Page,
): Promise<{ px: number; culprit?: string }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    let px = root.scrollWidth - window.innerWidth;
    // Backstage scrolls its content area (main) itself
    const main = document.querySelector('main');
    if (main) px = Math.max(px, main.scrollWidth - main.clientWidth);
    if (px <= 1) return { px: 0 };
    let culprit: string | undefined;
    let right = window.innerWidth;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > right) {
        right = box.right;
        culprit = `<${el.localName} class="${String(
          el.getAttribute('class') ?? '',
        ).slice(0, 120)}">`;
      }
    }
    return { px, culprit };
  });
}

/** A visible element showing (part of) a long text, as the page lays it out. */
export interface LongTextShown {
  tag: string;
  width: number;
  height: number;
  /** The characters of the text the element renders. */
  length: number;
  /** The full text is available on hover (a title on it or an ancestor). */
  fullOnHover: boolean;
  /** The element's right edge, in CSS pixels from the viewport's left. */
  right: number;
}

/**
 * Every visible element whose own text starts with `prefix` (the start of a
 * long name), with its box and whether hovering shows `full`.
 */
export async function longTexts(
  page: Page,
  prefix: string,
  full: string,
): Promise<LongTextShown[]> {
  return page.evaluate(
    ({ prefix: start, full: whole }) => {
      const shown: LongTextShown[] = [];
      const walker = document.createTreeWalker(
        document.body,
        NodeFilter.SHOW_TEXT,
      );
      const seen = new Set<Element>();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.nodeValue ?? '';
        const el = n.parentElement;
        if (!el || seen.has(el) || !text.includes(start)) continue;
        seen.add(el);
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        // an SVG <title> is the hover text of its parent
        if (
          el.closest('title, [role="tooltip"] *, [role="tooltip"]') &&
          el.localName === 'title'
        ) {
          continue;
        }
        let fullOnHover = false;
        for (
          let a: Element | null = el;
          a && !fullOnHover;
          a = a.parentElement
        ) {
          const title =
            a.getAttribute('title') ??
            Array.from(a.children).find(c => c.localName === 'title')
              ?.textContent ??
            null;
          fullOnHover = title !== null && title.includes(whole);
        }
        shown.push({
          tag: el.localName,
          width: Math.round(box.width),
          height: Math.round(box.height),
          length: text.length,
          fullOnHover,
          right: Math.round(box.right),
        });
      }
      return shown;
    },
    { prefix, full },
  );
}
