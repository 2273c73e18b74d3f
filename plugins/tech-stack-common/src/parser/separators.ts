/**
 * Where names end inside a label or list item: string loops over the text,
 * linear in its length whatever the whitespace runs.
 */
import { isSpaceAt, skipSpace } from './text';

const LAYER_TOOL_SEPARATORS = '-–—:';
const ITEM_SEPARATORS = '—–-|';
/** Characters that end a list item's name (with whitespace around), and `:`. */
export const ITEM_SEPARATORS_AND_COLON = `${ITEM_SEPARATORS}:`;

/**
 * Splits a diagram label `Layer - Tool` (`Metrics - Prometheus`) at the first
 * dash or colon with whitespace on both sides; undefined when there is none.
 */
export function splitLayerTool(
  label: string,
): { layer: string; tool: string } | undefined {
  for (let i = 1; i < label.length; i++) {
    if (!isSpaceAt(label, i)) continue;
    const separator = skipSpace(label, i);
    const toolStart = skipSpace(label, separator + 1);
    if (
      LAYER_TOOL_SEPARATORS.includes(label[separator] ?? '\u0000') &&
      toolStart > separator + 1 &&
      toolStart < label.length
    ) {
      return { layer: label.slice(0, i), tool: label.slice(toolStart) };
    }
    i = separator;
  }
  return undefined;
}

/**
 * Where the name of a list item ends: at the first ` - ` (or en/em dash),
 * ` | ` or `: `; the text length when there is none.
 */
export function itemNameEnd(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ':' && isSpaceAt(text, i + 1)) return i;
    if (!isSpaceAt(text, i)) continue;
    const separator = skipSpace(text, i);
    if (
      ITEM_SEPARATORS.includes(text[separator] ?? '\u0000') &&
      isSpaceAt(text, separator + 1)
    ) {
      return i;
    }
    i = separator - 1;
  }
  return text.length;
}
