/**
 * Inline HTML in guide text. Guides use `<br>` inside table cells to put
 * tools on separate lines; any other tag is not part of a name. Written as
 * loops over the text (linear time, whatever the input).
 */

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isTagNameCode(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}

function isTagSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0c
  );
}

/**
 * Length of a `<br>` tag starting at `index` (`<br>`, `<br/>`, `<br />`, any
 * case, spaces before the `/`), or 0 when there is none.
 */
export function brTagLength(text: string, index: number): number {
  if (text.charCodeAt(index) !== 0x3c) return 0;
  const b = text.charCodeAt(index + 1) | 0x20;
  const r = text.charCodeAt(index + 2) | 0x20;
  if (b !== 0x62 || r !== 0x72) return 0;
  let i = index + 3;
  while (i < text.length && isTagSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x2f) i++;
  return text.charCodeAt(i) === 0x3e ? i + 1 - index : 0;
}

/** What {@link stripHtml} and {@link maskHtml} found and removed. */
export interface HtmlFound {
  /** The text without the markup. */
  text: string;
  /** Names of the tags removed other than `<br>` (lower case, `/b` for closing tags), in order. */
  tags: string[];
  /** Whether lone `<` or `>` characters were removed. */
  strayBrackets: boolean;
}

/**
 * Calls `visit` for every tag (`<b>`, `</b>`, `<svg onload=…>`, `<!-- … -->`:
 * from `<` followed by a letter, `/` + letter or `!`, to the next `>`) and
 * every lone `<` or `>`, in order; `name` is undefined for a lone bracket.
 */
function forEachTag(
  text: string,
  visit: (start: number, end: number, name: string | undefined) => void,
): void {
  let nextClose = -2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3e) {
      visit(i, i + 1, undefined);
      continue;
    }
    if (code !== 0x3c) continue;
    const next = text.charCodeAt(i + 1);
    const closing = next === 0x2f;
    const opensTag =
      isAsciiLetter(closing ? text.charCodeAt(i + 2) : next) || next === 0x21;
    if (nextClose !== -1 && nextClose <= i) nextClose = text.indexOf('>', i);
    if (!opensTag || nextClose < 0) {
      visit(i, i + 1, undefined);
      continue;
    }
    let nameEnd = i + (closing ? 2 : 1);
    const nameStart = nameEnd;
    while (nameEnd < nextClose && isTagNameCode(text.charCodeAt(nameEnd))) {
      nameEnd++;
    }
    const name = text.slice(nameStart, nameEnd).toLowerCase() || '!';
    visit(i, nextClose + 1, closing ? `/${name}` : name);
    i = nextClose;
  }
}

function isBr(text: string, start: number, name: string | undefined): boolean {
  return name === 'br' && brTagLength(text, start) > 0;
}

/** Tags that end a block of text (`<p>`, `<li>`, `<script>`, …): with `separateBlocks` they become a space (the text between tags is kept as text). */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dd',
  'dt',
  'tr',
  'td',
  'th',
  'table',
  'blockquote',
  'pre',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'script',
  'style',
]);

function isBlockTag(name: string | undefined): boolean {
  if (name === undefined) return false;
  return BLOCK_TAGS.has(name.startsWith('/') ? name.slice(1) : name);
}

/**
 * Removes inline HTML from text: every tag goes (a `<br>` becomes a space,
 * and so does a block tag such as `<p>` or `</li>` with `separateBlocks`), the text between tags stays, and lone
 * `<` and `>` are removed as well (unless `keepStrayBrackets`), so the result
 * contains neither. Linear time.
 */
export function stripHtml(
  text: string,
  options: { keepStrayBrackets?: boolean; separateBlocks?: boolean } = {},
): HtmlFound {
  const found: HtmlFound = { text, tags: [], strayBrackets: false };
  if (text.indexOf('<') < 0 && text.indexOf('>') < 0) return found;
  let out = '';
  let copied = 0;
  forEachTag(text, (start, end, name) => {
    if (name === undefined) {
      if (options.keepStrayBrackets) return;
      found.strayBrackets = true;
    } else if (!isBr(text, start, name)) {
      found.tags.push(name);
    }
    const space =
      isBr(text, start, name) || (options.separateBlocks && isBlockTag(name));
    out += text.slice(copied, start) + (space ? ' ' : '');
    copied = end;
  });
  found.text = out + text.slice(copied);
  return found;
}

/**
 * Like {@link stripHtml}, but keeps `<br>` tags (they separate tools in a
 * cell) and replaces everything else it removes by as many spaces, so every
 * other character keeps its index (link ranges stay valid).
 */
export function maskHtml(text: string): HtmlFound {
  const found: HtmlFound = { text, tags: [], strayBrackets: false };
  if (text.indexOf('<') < 0 && text.indexOf('>') < 0) return found;
  let out = '';
  let copied = 0;
  forEachTag(text, (start, end, name) => {
    if (isBr(text, start, name)) return;
    if (name === undefined) found.strayBrackets = true;
    else found.tags.push(name);
    out += text.slice(copied, start) + ' '.repeat(end - start);
    copied = end;
  });
  found.text = out + text.slice(copied);
  return found;
}
