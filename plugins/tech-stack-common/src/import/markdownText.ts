/**
 * Writing plain text into a markdown guide so that it reads back as the same
 * text and never as markup. String loops, linear in the text length.
 */

/** Characters that could start markup inside a heading or table cell. */
const MARKUP = new Set([
  '\\',
  '`',
  '*',
  '_',
  '[',
  ']',
  '<',
  '>',
  '|',
  '~',
  '#',
]);

/**
 * Plain text as inline markdown: every character that could start markup
 * (emphasis, code, links, HTML, table pipes, a closing `#`) is
 * backslash-escaped, line breaks become spaces. `&` is left as it is, so
 * entities (`&amp;`) read back decoded.
 */
export function markdownText(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\n' || ch === '\r') out += ' ';
    else out += MARKUP.has(ch) ? `\\${ch}` : ch;
  }
  return out;
}

/** The longest run of backticks in `text`. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const ch of text) {
    run = ch === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * Text as a code span for a table cell: fenced with one backtick more than
 * the longest run inside, padded with a space when it starts or ends with a
 * backtick, `|` escaped (GFM tables split cells before reading code spans).
 */
export function markdownCodeSpan(text: string): string {
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  let body = '';
  for (const ch of text) body += ch === '|' ? '\\|' : ch;
  return `${fence}${pad}${body}${pad}${fence}`;
}
