/**
 * Linear-time string helpers shared by the parser: trims and whitespace
 * collapsing written as loops, so no input can make them backtrack.
 */

/** Is the UTF-16 code unit whitespace in the sense of JavaScript's `\s`? */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Is `text[index]` whitespace (false past the end)? */
export function isSpaceAt(text: string, index: number): boolean {
  return (
    index >= 0 && index < text.length && isSpaceCode(text.charCodeAt(index))
  );
}

/** Index of the first non-whitespace character at or after `from` (the length when none). */
export function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/**
 * `text` without the characters at its start and end that `strip` accepts
 * (`strip` sees the character and whether it is at the start or the end).
 * One pass from each end: linear in the length of the text.
 */
export function trimWhere(
  text: string,
  strip: (char: string, atEnd: boolean) => boolean,
): string {
  let start = 0;
  let end = text.length;
  while (start < end && strip(text[start], false)) start++;
  while (end > start && strip(text[end - 1], true)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** `text` without the given characters at its start and end. */
export function trimChars(text: string, chars: string): string {
  return trimWhere(text, char => chars.includes(char));
}

/**
 * Collapses every run of whitespace to one space and trims both ends
 * (the parser's notion of "clean text").
 */
export function collapseSpace(text: string): string {
  let out = '';
  let pendingSpace = false;
  let runStart = -1;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) {
      if (runStart >= 0) {
        out += text.slice(runStart, i);
        runStart = -1;
      }
      pendingSpace = out.length > 0;
      continue;
    }
    if (runStart < 0) {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      runStart = i;
    }
  }
  if (runStart >= 0) out += text.slice(runStart);
  return out;
}

/**
 * The first `max` UTF-16 code units of `text`, never ending in half of a
 * surrogate pair; `text` itself when it is not longer.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}

/** `text` shortened to about 60 characters with `...`, for messages. */
export function shorten(text: string, max = 60): string {
  return text.length > max ? `${cutText(text, max - 3)}...` : text;
}
