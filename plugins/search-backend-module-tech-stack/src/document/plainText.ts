/**
 * Plain text for search documents from untrusted entity fields: no markup,
 * no control characters, one space between words, and a cap on the length.
 * Written as one loop over at most `maxLength` characters of the input (no
 * regular expression), so no value can make it slow, however large.
 */

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Whitespace and control characters: each run of them becomes one space. */
function isSpaceOrControl(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Invisible formatting characters (zero-width, direction marks and overrides, soft hyphen): dropped. */
function isInvisible(code: number): boolean {
  return (
    code === 0xad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0xfeff
  );
}

/**
 * `text` ended with `…`, at most `max` characters in all, never ending in half
 * of a surrogate pair; `''` when nothing of `text` is left.
 */
function withEllipsis(text: string, max: number): string {
  let end = Math.min(text.length, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  const kept = text.slice(0, end).trimEnd();
  return kept ? `${kept}…` : '';
}

/**
 * `value` as plain text of at most `maxLength` characters, or `''` when it is
 * not a string.
 *
 * Tags (`<b>`, `</b>`, `<!-- … -->`: a `<` followed by a letter, `/` or `!`,
 * up to the next `>`) are removed and stand for a space, and so do lone `<`
 * and `>`, so the result never contains either; runs of whitespace and
 * control characters become single spaces, invisible formatting characters
 * (zero-width spaces, direction overrides) are dropped, the ends are
 * trimmed. Only the first `maxLength` characters of `value` are read; a
 * cut text ends with `…`.
 */
export function plainText(value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || maxLength <= 0) return '';
  const isCut = value.length > maxLength;
  const input = isCut ? value.slice(0, maxLength) : value;
  let out = '';
  // Kept characters are copied a run at a time, from `runStart` on.
  let runStart = -1;
  let pendingSpace = false;
  const flush = (end: number) => {
    if (runStart >= 0) out += input.slice(runStart, end);
    runStart = -1;
  };
  let nextClose = -2;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code === 0x3c) {
      flush(i);
      // `nextClose` only moves forward: one `indexOf` scan over the input in all.
      if (nextClose !== -1 && nextClose < i) nextClose = input.indexOf('>', i);
      const next = input.charCodeAt(i + 1);
      const opensTag =
        isAsciiLetter(next) ||
        next === 0x21 ||
        (next === 0x2f && isAsciiLetter(input.charCodeAt(i + 2)));
      if (opensTag && nextClose > i) i = nextClose;
      pendingSpace = out.length > 0;
    } else if (code === 0x3e || isSpaceOrControl(code)) {
      flush(i);
      pendingSpace = out.length > 0;
    } else if (isInvisible(code)) {
      flush(i);
    } else if (runStart < 0) {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      runStart = i;
    }
  }
  flush(input.length);
  return isCut ? withEllipsis(out, maxLength) : out;
}
