import { EMPTY_MARKERS, FEATURE_WORDS } from './builtins';
import { brTagLength } from './html';
import { isSpaceCode, trimWhere } from './text';

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
const LEADING_JUNK = '*_`"\'“”‘’•·';
const TRAILING_JUNK = `${LEADING_JUNK}:.`;

/** Whitespace and stray markup at the start (and `:`/`.` also at the end) of a name. */
function isEdgeJunk(char: string, atEnd: boolean): boolean {
  return (
    isSpaceCode(char.charCodeAt(0)) ||
    (atEnd ? TRAILING_JUNK : LEADING_JUNK).includes(char)
  );
}

/**
 * A set of ranges, sorted once, that answers "is index `i` inside one of
 * them?" through cursors asked in increasing order: linear in the indexes
 * asked plus the ranges passed, whatever the number of ranges.
 */
class RangeSet {
  private readonly ranges: TextRange[];
  /** `maxEnd[k]`: the largest end among the first `k` ranges. */
  private readonly maxEnd: number[];

  constructor(ranges: readonly TextRange[]) {
    this.ranges =
      ranges.length > 0 ? [...ranges].sort((a, b) => a.start - b.start) : [];
    this.maxEnd = [-1];
    for (const range of this.ranges) {
      this.maxEnd.push(
        Math.max(this.maxEnd[this.maxEnd.length - 1], range.end),
      );
    }
  }

  get empty(): boolean {
    return this.ranges.length === 0;
  }

  /** A test for indexes from `from` on, asked in increasing order. */
  cursor(from: number): (index: number) => boolean {
    let low = 0;
    let high = this.ranges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ranges[mid].start <= from) low = mid + 1;
      else high = mid;
    }
    let next = low;
    let coveredUntil = this.maxEnd[low];
    return index => {
      while (next < this.ranges.length && this.ranges[next].start <= index) {
        coveredUntil = Math.max(coveredUntil, this.ranges[next].end);
        next++;
      }
      return index < coveredUntil;
    };
  }
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
  blockedSets: readonly RangeSet[],
  separatorAt: (index: number) => number,
): TextRange[] {
  const cursors: Array<(index: number) => boolean> = [];
  for (const set of blockedSets) {
    if (!set.empty) cursors.push(set.cursor(range.start));
  }
  const blocked = (index: number) => {
    for (const covers of cursors) if (covers(index)) return true;
    return false;
  };
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
    if (depth > 0 || (cursors.length > 0 && blocked(i))) {
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
  while (start < end && isEdgeJunk(text[start], false)) start++;
  while (end > start && isEdgeJunk(text[end - 1], true)) end--;
  return { start, end };
}

function isBlank(text: string): boolean {
  return EMPTY.has(trimWhere(text, isEdgeJunk).toLowerCase());
}

function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSpaceCode(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end).toLowerCase();
}

/**
 * Splits `Name (note)` into name and note: the text ends with `)`, the
 * matching `(` is the last one, and the note holds no parenthesis.
 */
function trailingParenthetical(
  raw: string,
): { name: string; note: string } | undefined {
  if (!raw.endsWith(')')) return undefined;
  const open = raw.lastIndexOf('(', raw.length - 2);
  if (open < 0) return undefined;
  const note = raw.slice(open + 1, raw.length - 1);
  if (note.indexOf(')') >= 0) return undefined;
  let nameEnd = open;
  while (nameEnd > 0 && isSpaceCode(raw.charCodeAt(nameEnd - 1))) nameEnd--;
  if (nameEnd === 0) return undefined;
  return { name: raw.slice(0, nameEnd), note };
}

function toCellName(text: string, range: TextRange): CellName | undefined {
  const trimmed = trimRange(text, range);
  const raw = text.slice(trimmed.start, trimmed.end);
  if (isBlank(raw)) return undefined;
  const paren = trailingParenthetical(raw);
  const parenName = paren && trimWhere(paren.name, isEdgeJunk);
  if (paren && parenName && !isBlank(parenName)) {
    const note = paren.note.trim();
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
  return ch === '<' ? brTagLength(text, i) : 0;
};

const combineSeparator = (text: string) => (i: number) => {
  const ch = text[i];
  if (
    (ch === '+' || ch === '&') &&
    i > 0 &&
    isSpaceCode(text.charCodeAt(i - 1)) &&
    isSpaceCode(text.charCodeAt(i + 1))
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
  const atomic = new RangeSet(options.atomic ?? []);
  const protectedNames = options.protectedNames ?? [];
  const names: CellName[] = [];
  const features: CellFeature[] = [];
  const whole = { start: 0, end: text.length };
  if (!/[,;\n<+&/]/.test(text)) {
    const single = toCellName(text, whole);
    return { names: single ? [single] : [], features };
  }

  for (const listPart of splitRange(
    text,
    whole,
    [atomic],
    listSeparator(text),
  )) {
    const blocked = [
      atomic,
      new RangeSet(
        protectedRanges(text, listPart.start, listPart.end, protectedNames),
      ),
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
