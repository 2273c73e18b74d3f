import type { Ring } from '../types';
import { collapseSpace, trimWhere } from './text';
import {
  DESCRIPTION_COLUMNS,
  IGNORED_COLUMNS,
  RING_VALUE_COLUMNS,
  RING_WORDS,
} from './builtins';

/** What a table column holds. */
export type ColumnMeaning =
  /** Technologies; `ring` undefined means unranked (the default ring). */
  | { kind: 'tools'; ring?: Ring }
  /** Text describing the row's technologies. */
  | { kind: 'description' }
  /** A ring name per row. */
  | { kind: 'ring' }
  | { kind: 'ignore' };

/** Configured header meanings: header (case-insensitive) → ring, `description` or `ignore`. */
export type ColumnOverrides = Record<string, Ring | 'description' | 'ignore'>;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Is `char` (one UTF-16 code unit) neither a letter nor a digit? Surrogates count as neither. */
function isEdgeNoise(char: string): boolean {
  return !LETTER_OR_DIGIT.test(char);
}

/**
 * Lower case, parenthesised parts removed, emoji and punctuation at the
 * edges removed, spaces collapsed (`🟢 Recommended (default)` → `recommended`).
 */
export function normalizeLabel(text: string): string {
  const withoutNotes = text.toLowerCase().replace(/\([^()]*\)/g, ' ');
  return collapseSpace(trimWhere(withoutNotes, isEdgeNoise));
}

const DESCRIPTION = new Set(DESCRIPTION_COLUMNS);
const IGNORED = new Set(IGNORED_COLUMNS);
const RING_VALUES = new Set(RING_VALUE_COLUMNS);
const RING_BY_WORD = new Map<string, Ring>(Object.entries(RING_WORDS));

/** Lower-cases the keys of configured overrides once. */
export function normalizeOverrides(
  overrides?: ColumnOverrides,
): Map<string, Ring | 'description' | 'ignore'> {
  const map = new Map<string, Ring | 'description' | 'ignore'>();
  for (const [header, meaning] of Object.entries(overrides ?? {})) {
    map.set(normalizeLabel(header), meaning);
  }
  return map;
}

/**
 * The meaning of a table column from its header: `Recommended` → adopt tools,
 * `Alternatives` → trial tools, `Best For` → description, `Tools` (or any
 * other header) → unranked tools. Configured overrides win.
 */
export function columnMeaning(
  header: string,
  overrides: ReadonlyMap<string, Ring | 'description' | 'ignore'> = new Map(),
): ColumnMeaning {
  const label = normalizeLabel(header);
  const override = overrides.get(label);
  if (override === 'description' || override === 'ignore') {
    return { kind: override };
  }
  if (override) {
    return { kind: 'tools', ring: override };
  }
  const ring = RING_BY_WORD.get(label);
  if (ring) return { kind: 'tools', ring };
  if (DESCRIPTION.has(label)) return { kind: 'description' };
  if (IGNORED.has(label)) return { kind: 'ignore' };
  if (RING_VALUES.has(label)) return { kind: 'ring' };
  return { kind: 'tools' };
}

const HEADING_RINGS = new Set([
  'adopt',
  'trial',
  'assess',
  'hold',
  'recommended',
  'alternatives',
  'deprecated',
  'avoid',
  'emerging',
  'experimental',
]);

/** The ring a heading names (`### Adopt`, `## 🟢 Trial`), if it names one. */
export function headingRing(text: string): Ring | undefined {
  const label = normalizeLabel(text);
  return HEADING_RINGS.has(label) ? RING_BY_WORD.get(label) : undefined;
}

/** The ring a cell value names (`Adopt`, `trial`), if any. */
export function ringValue(text: string): Ring | undefined {
  return RING_BY_WORD.get(normalizeLabel(text));
}
