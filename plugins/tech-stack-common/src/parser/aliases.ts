import { technologyNameKey } from '../names/technologyNameKey';
import { BUILTIN_ALIASES } from './builtins';

const KEY_CACHE_SIZE = 10_000;
const keyCache = new Map<string, string>();

function computeKey(name: string): string {
  return technologyNameKey(name) || name.trim().toLowerCase();
}

/**
 * The parser's grouping key of a name: its {@link technologyNameKey}
 * (`GPT-4o`, `GPT 4o` and `gpt4o` share a key; `Kafka Streams` and `Kafka`
 * do not), or, for a name without one (no letter or digit), the name itself
 * in lower case, so such names still group with their own spelling.
 */
export function nameKey(name: string): string {
  const cached = keyCache.get(name);
  if (cached !== undefined) return cached;
  const key = computeKey(name);
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

/** What the alias table knows about one name. */
export interface AliasEntry {
  /** The canonical name (drives the slug). */
  canonical: string;
  /** All names of the group, canonical first. */
  names: readonly string[];
}

/**
 * Resolves spellings to one technology: `Kafka` = `Apache Kafka`. Built from the
 * built-in table merged with configured aliases (canonical title → extra names).
 */
export class AliasTable {
  private readonly byKey = new Map<string, AliasEntry>();

  constructor(extra?: Record<string, readonly string[]>) {
    this.addAll(BUILTIN_ALIASES);
    if (extra) {
      this.addAll(extra);
    }
  }

  /** The alias entry a name belongs to, if any. */
  lookup(name: string): AliasEntry | undefined {
    return this.byKey.get(nameKey(name));
  }

  /** Every name in the table (for protecting names that contain separators). */
  allNames(): string[] {
    const names = new Set<string>();
    for (const entry of this.byKey.values()) {
      entry.names.forEach(name => names.add(name));
    }
    return [...names];
  }

  private addAll(table: Record<string, readonly string[]>): void {
    for (const [canonical, aliases] of Object.entries(table)) {
      this.add(canonical, aliases ?? []);
    }
  }

  private add(canonical: string, aliases: readonly string[]): void {
    // A configured group that mentions a known name joins that group.
    const existing = [canonical, ...aliases]
      .map(name => this.byKey.get(nameKey(name)))
      .find(entry => entry !== undefined);
    const names = new Set<string>([canonical]);
    if (existing) {
      existing.names.forEach(name => names.add(name));
    }
    aliases.forEach(alias => {
      if (alias.trim()) names.add(alias.trim());
    });
    const entry: AliasEntry = { canonical, names: [...names] };
    for (const name of entry.names) {
      this.byKey.set(nameKey(name), entry);
    }
  }
}
