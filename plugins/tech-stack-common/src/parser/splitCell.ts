import { EMPTY_MARKERS, FEATURE_WORDS } from './builtins';

/** A half-open character range `[start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

/** One name found in a cell. */
export interface CellName {
  /** The name, trimmed, without a trailing parenthetical. */
  name: string;
  /** A trailing parenthetical (`DuckDB (embedded)` → `embedded`). */
  note?: string;
  /** Where the name stands in the cell text. */
  start: number;
  end: number;
}

/** Something named after `+` that is a feature of the tool before it. */
export interface CellFeature {
  name: string;
  of: string;
}

/** The result of {@link splitCell}. */
export interface SplitCellResult {
  names: CellName[];
  features: CellFeature[];
}

/** Options of {@link splitCell}. */
export interface SplitCellOptions {
  /** Ranges never split (link texts). */
  atomic?: readonly TextRange[];
  /** Lower-cased names that contain separators and must stay whole (`weights & biases`). */
  protectedNames?: readonly string[];
}

const EMPTY = new Set(EMPTY_MARKERS);
const FEATURES = new Set(FEATURE_WORDS);
const EDGE_JUNK = /^[\s*_`"'“”‘’•·]+|[\s*_`"'“”‘’•·:.]+$/g;

function inRanges(index: number, ranges: readonly TextRange[]): boolean {
  for (const range of ranges) {
    if (index >= range.start && index < range.end) return true;
  }
  return false;
}

/** Ranges of the protected names occurring in `text[start, end)`. */
function protectedRanges(
  text: string,
  start: number,
  end: number,
  names: readonly string[],
): TextRange[] {
  const lower = text.slice(start, end).toLowerCase();
  const ranges: TextRange[] = [];
  for (const name of names) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(name, from);
      if (at < 0) break;
      ranges.push({ start: start + at, end: start + at + name.length });
      from = at + name.length;
    }
  }
  return ranges;
}

/**
 * Splits `text[start, end)` at separators. `separatorAt` returns the length of
 * a separator starting at an index (0 when none). Text inside parentheses,
 * brackets and `blocked` ranges is never split.
 */
function splitRange(
  text: string,
  range: TextRange,
  blocked: readonly TextRange[],
  separatorAt: (index: number) => number,
): TextRange[] {
  const parts: TextRange[] = [];
  let depth = 0;
  let partStart = range.start;
  for (let i = range.start; i < range.end; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') {
      depth++;
      continue;
    }
    if ((ch === ')' || ch === ']') && depth > 0) {
      depth--;
      continue;
    }
    if (depth > 0 || (blocked.length > 0 && inRanges(i, blocked))) {
      continue;
    }
    const length = separatorAt(i);
    if (length > 0) {
      parts.push({ start: partStart, end: i });
      partStart = i + length;
      i += length - 1;
    }
  }
  parts.push({ start: partStart, end: range.end });
  return parts;
}

/** Trims whitespace and stray markup from a range. */
function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  const slice = text.slice(start, end);
  const leading = /^[\s*_`"'“”‘’•·]+/.exec(slice);
  const trailing = /[\s*_`"'“”‘’•·:.]+$/.exec(slice);
  if (leading) start += leading[0].length;
  if (trailing && trailing.index >= (leading?.[0].length ?? 0)) {
    end = range.start + trailing.index;
  }
  return { start, end: Math.max(start, end) };
}

function isBlank(text: string): boolean {
  return EMPTY.has(text.replace(EDGE_JUNK, '').toLowerCase());
}

function lastWord(text: string): string {
  const words = text.toLowerCase().split(/\s+/);
  return words[words.length - 1] ?? '';
}

function toCellName(text: string, range: TextRange): CellName | undefined {
  const trimmed = trimRange(text, range);
  const raw = text.slice(trimmed.start, trimmed.end);
  if (isBlank(raw)) return undefined;
  const paren = /^(.*?\S)\s*\(([^()]*)\)$/.exec(raw);
  const parenName = paren?.[1].replace(EDGE_JUNK, '');
  if (paren && parenName && !isBlank(parenName)) {
    const note = paren[2].trim();
    return {
      name: parenName,
      ...(note ? { note } : {}),
      start: trimmed.start,
      end: trimmed.end,
    };
  }
  return { name: raw, start: trimmed.start, end: trimmed.end };
}

const listSeparator = (text: string) => (i: number) => {
  const ch = text[i];
  if (ch === ',' || ch === ';' || ch === '\n') return 1;
  if (ch === '<') {
    const br = /^<br\s*\/?>/i.exec(text.slice(i, i + 6));
    return br ? br[0].length : 0;
  }
  return 0;
};

const combineSeparator = (text: string) => (i: number) => {
  const ch = text[i];
  if (
    (ch === '+' || ch === '&') &&
    /\s/.test(text[i - 1] ?? '') &&
    /\s/.test(text[i + 1] ?? '')
  ) {
    return 1;
  }
  return 0;
};

const slashSeparator = (text: string) => (i: number) => text[i] === '/' ? 1 : 0;

/**
 * Splits a table cell (or diagram label) naming several tools into its
 * names: `AWS, GCP, Azure`, `Loki/ELK`, `Apache Kafka + Flink`, `GPT-4o/o1`.
 * Names that contain separators stay whole when protected (`Weights &
 * Biases`), and `/` is not split when a side would be a single character
 * (`A/B`). After `+`, a part ending in a feature word (`Compact Topics`) is
 * returned as a feature of the tool before it rather than as a name.
 */
export function splitCell(
  text: string,
  options: SplitCellOptions = {},
): SplitCellResult {
  const atomic = options.atomic ?? [];
  const protectedNames = options.protectedNames ?? [];
  const names: CellName[] = [];
  const features: CellFeature[] = [];
  const whole = { start: 0, end: text.length };
  if (!/[,;\n<+&/]/.test(text)) {
    const single = toCellName(text, whole);
    return { names: single ? [single] : [], features };
  }

  for (const listPart of splitRange(text, whole, atomic, listSeparator(text))) {
    const blocked = [
      ...atomic,
      ...protectedRanges(text, listPart.start, listPart.end, protectedNames),
    ];
    const combined = splitRange(
      text,
      listPart,
      blocked,
      combineSeparator(text),
    );
    let first: string | undefined;
    combined.forEach((combinedPart, index) => {
      const slashParts = splitRange(
        text,
        combinedPart,
        blocked,
        slashSeparator(text),
      );
      const usable =
        slashParts.length > 1 &&
        slashParts.every(part => {
          const trimmed = trimRange(text, part);
          return trimmed.end - trimmed.start > 1;
        });
      const parts = usable ? slashParts : [combinedPart];
      for (const part of parts) {
        const name = toCellName(text, part);
        if (!name) continue;
        if (
          index > 0 &&
          first !== undefined &&
          !usable &&
          FEATURES.has(lastWord(name.name))
        ) {
          features.push({ name: name.name, of: first });
          continue;
        }
        first ??= name.name;
        names.push(name);
      }
    });
  }
  return { names, features };
}
