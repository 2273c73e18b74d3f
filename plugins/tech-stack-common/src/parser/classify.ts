import type { TechnologyType } from '../types';
import { nameKey } from './aliases';
import {
  GENERIC_WORDS,
  PLATFORM_NAMES,
  SERVICE_NAMES,
  SERVICE_PREFIXES,
  TECHNIQUE_WORDS,
  TYPE_OVERRIDES,
} from './builtins';

const PLATFORMS = new Set(PLATFORM_NAMES.map(nameKey));
const SERVICES = new Set(SERVICE_NAMES.map(nameKey));
const TECHNIQUES = new Set(TECHNIQUE_WORDS);
const OVERRIDES = new Map(
  Object.entries(TYPE_OVERRIDES).map(([name, type]) => [nameKey(name), type]),
);
const GENERIC = new Set(GENERIC_WORDS);
const SERVICE_PREFIX_SET = new Set(SERVICE_PREFIXES);

function words(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(word => word.length > 0);
}

/**
 * What kind of thing a technology is, from its names: a practice (`Anomaly
 * Detection`, `guardrails`) is a `technique`; cloud providers and large hosted
 * platforms (`AWS`, `Cloudflare`, `EKS`, `Snowflake`) are `platform`s; hosted
 * products and APIs (`Claude 3.5`, `Datadog`, `AWS Secrets Manager`) are
 * `service`s; everything else is a `tool`.
 */
export function classifyTechnology(names: readonly string[]): TechnologyType {
  const keys = names.map(nameKey);
  for (const key of keys) {
    const override = OVERRIDES.get(key);
    if (override) return override;
  }
  if (keys.some(key => PLATFORMS.has(key))) return 'platform';
  if (keys.some(key => SERVICES.has(key))) return 'service';
  const first = names[0] ?? '';
  const firstWords = words(first);
  const last = firstWords[firstWords.length - 1];
  if (last && TECHNIQUES.has(last)) return 'technique';
  // Bare platform names returned above, so a prefix here names a product of it.
  if (firstWords.length > 0 && SERVICE_PREFIX_SET.has(firstWords[0])) {
    return 'service';
  }
  return 'tool';
}

/**
 * Is a label a generic box rather than a product (`Producers`, `Storage`,
 * `AI Processing`)? True when every word of it is a generic word.
 */
export function isGenericName(
  name: string,
  extra: ReadonlySet<string> = new Set(),
): boolean {
  const list = words(name);
  if (list.length === 0) return false;
  if (extra.has(name.trim().toLowerCase())) return true;
  return list.every(word => GENERIC.has(word) || extra.has(word));
}
