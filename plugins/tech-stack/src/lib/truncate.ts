/** The character that marks cut text. */
export const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters (UTF-16 code units), the last of
 * them an ellipsis; text that fits is returned as is. A surrogate pair is
 * never split. Constant time apart from the copy; no pattern involved.
 */
export function truncateText(text: string, max: number): string {
  if (max < 1) return '';
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  // a high surrogate at the cut would leave half a character
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${ELLIPSIS}`;
}
