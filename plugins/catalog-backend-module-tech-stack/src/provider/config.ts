import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  durationToMilliseconds,
  HumanDuration,
  JsonValue,
} from '@backstage/types';
import { isRing, Ring, RINGS } from '@techstack/plugin-tech-stack-common';

/** The owner of the Technology entities when the config names none. */
export const DEFAULT_TECH_STACK_OWNER = 'group:default/platform-team';

/** How often a guide is read when its config has no `schedule`. */
export const DEFAULT_GUIDE_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 3 },
  scope: 'global',
};

/** How long a guide may take to parse when `techStack.parser.timeout` is not set. */
export const DEFAULT_PARSER_TIMEOUT: HumanDuration = { seconds: 30 };

/** The share of technologies a run may drop when `techStack.ingestion.maxDropShare` is not set. */
export const DEFAULT_MAX_DROP_SHARE = 0.3;

/**
 * One configured guide (`techStack.guides[]`).
 *
 * @public
 */
export interface TechStackGuideConfig {
  /** Stable id; the provider is named `tech-stack-guide:<id>`. */
  id: string;
  /** A URL read through the UrlReader, or a file path (resolved against the working directory). */
  target: string;
  /** Entity ref of the owning group, normalised (`group:default/platform-team`). */
  owner: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/**
 * A link an override adds to a technology.
 *
 * @public
 */
export interface TechStackOverrideLink {
  url: string;
  title?: string;
}

/**
 * An organisation's override of one technology (`techStack.overrides[]`).
 *
 * @public
 */
export interface TechStackOverride {
  /** Name, alias, slug or ref (`technology:default/redis`) of the technology. */
  technology: string;
  ring?: Ring;
  /** Why: becomes `spec.ringReason`. */
  reason?: string;
  description?: string;
  links?: TechStackOverrideLink[];
}

/**
 * Where the overrides come from: inline in the config, or a YAML file.
 *
 * @public
 */
export type TechStackOverridesSource =
  | { type: 'inline'; overrides: TechStackOverride[] }
  | { type: 'target'; target: string };

/**
 * What the parser may map a guide column to.
 *
 * @public
 */
export type ColumnRing = Ring | 'description' | 'ignore';

/**
 * The whole `techStack` config as the catalog module reads it.
 *
 * @public
 */
export interface TechStackConfig {
  owner: string;
  defaultRing?: Ring;
  aliases?: Record<string, string[]>;
  columnRings?: Record<string, ColumnRing>;
  guides: TechStackGuideConfig[];
  overrides?: TechStackOverridesSource;
  /** How long parsing one guide may take (`techStack.parser.timeout`); default 30 s. */
  parserTimeout?: HumanDuration;
  /**
   * The largest share (0..1) of a guide's technologies one run may remove
   * (`techStack.ingestion.maxDropShare`); default 0.3.
   */
  maxDropShare?: number;
}

const GUIDE_ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}$/i;

function configError(key: string, message: string): InputError {
  return new InputError(`Invalid config at '${key}': ${message}`);
}

const REF_PART = /^[a-z0-9][a-z0-9_.-]*$/i;

function readOwner(value: string, key: string): string {
  try {
    const ref = parseEntityRef(value.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    if (![ref.kind, ref.namespace, ref.name].every(p => REF_PART.test(p))) {
      throw new Error('bad ref');
    }
    return stringifyEntityRef(ref);
  } catch (error) {
    throw configError(
      key,
      `'${value}' is not an entity ref such as 'group:default/platform-team'`,
    );
  }
}

function readRing(value: unknown, key: string): Ring {
  if (!isRing(value)) {
    throw configError(
      key,
      `'${String(value)}' is not a ring, expected one of ${RINGS.join(', ')}`,
    );
  }
  return value;
}

function isPlainObject(
  value: unknown,
): value is { [key: string]: JsonValue | undefined } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readOptionalString(
  item: Record<string, unknown>,
  field: string,
  key: string,
): string | undefined {
  const value = item[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw configError(`${key}.${field}`, 'expected a string');
  }
  return value;
}

/**
 * Validates a list of overrides, from the config or from an overrides file.
 * Errors name the offending key, prefixed by `key` (for example
 * `techStack.overrides[2].ring`).
 *
 * @public
 */
export function parseOverrides(
  value: unknown,
  key: string,
): TechStackOverride[] {
  if (!Array.isArray(value)) {
    throw configError(key, 'expected a list of overrides');
  }
  return value.map((item, index) => {
    const itemKey = `${key}[${index}]`;
    if (!isPlainObject(item)) {
      throw configError(itemKey, 'expected an object with a `technology`');
    }
    const known = ['technology', 'ring', 'reason', 'description', 'links'];
    const unknownField = Object.keys(item).find(f => !known.includes(f));
    if (unknownField) {
      throw configError(
        `${itemKey}.${unknownField}`,
        `unknown field, expected one of ${known.join(', ')}`,
      );
    }
    const technology = readOptionalString(item, 'technology', itemKey)?.trim();
    if (!technology) {
      throw configError(
        `${itemKey}.technology`,
        'a technology name is required',
      );
    }
    const override: TechStackOverride = { technology };
    if (item.ring !== undefined && item.ring !== null) {
      override.ring = readRing(item.ring, `${itemKey}.ring`);
    }
    const reason = readOptionalString(item, 'reason', itemKey);
    if (reason !== undefined) {
      override.reason = reason;
    }
    const description = readOptionalString(item, 'description', itemKey);
    if (description !== undefined) {
      override.description = description;
    }
    if (item.links !== undefined && item.links !== null) {
      if (!Array.isArray(item.links)) {
        throw configError(`${itemKey}.links`, 'expected a list of links');
      }
      override.links = item.links.map((link, linkIndex) => {
        const linkKey = `${itemKey}.links[${linkIndex}]`;
        if (!isPlainObject(link)) {
          throw configError(linkKey, 'expected an object with a `url`');
        }
        const url = readOptionalString(link, 'url', linkKey);
        if (!url) {
          throw configError(`${linkKey}.url`, 'a url is required');
        }
        const title = readOptionalString(link, 'title', linkKey);
        return title ? { url, title } : { url };
      });
    }
    if (
      override.ring === undefined &&
      override.reason === undefined &&
      override.description === undefined &&
      override.links === undefined
    ) {
      throw configError(
        itemKey,
        `override of '${technology}' changes nothing; set ring, reason, description or links`,
      );
    }
    return override;
  });
}

function readGuideConfig(
  guide: Config,
  index: number,
  owner: string,
): TechStackGuideConfig {
  const key = `techStack.guides[${index}]`;
  const id = guide.getString('id');
  if (!GUIDE_ID_PATTERN.test(id)) {
    throw configError(
      `${key}.id`,
      `'${id}' is not a valid guide id; use letters, digits, '-', '_' or '.'`,
    );
  }
  const target = guide.getString('target').trim();
  if (!target) {
    throw configError(`${key}.target`, 'a URL or file path is required');
  }
  const guideOwner = guide.getOptionalString('owner');
  let schedule = DEFAULT_GUIDE_SCHEDULE;
  if (guide.has('schedule')) {
    try {
      const read = readSchedulerServiceTaskScheduleDefinitionFromConfig(
        guide.getConfig('schedule'),
      );
      schedule = {
        frequency: read.frequency,
        timeout: read.timeout,
        ...(read.initialDelay ? { initialDelay: read.initialDelay } : {}),
        scope: read.scope ?? 'global',
      };
    } catch (error) {
      throw configError(`${key}.schedule`, (error as Error).message);
    }
  }
  return {
    id,
    target,
    owner: guideOwner ? readOwner(guideOwner, `${key}.owner`) : owner,
    schedule,
  };
}

/** Reads `techStack.parser.timeout`: a positive duration of at most one hour. */
function readParserTimeout(root: Config): HumanDuration {
  const key = 'techStack.parser.timeout';
  let duration: HumanDuration;
  try {
    duration = readDurationFromConfig(root, { key: 'parser.timeout' });
  } catch (error) {
    throw configError(
      key,
      `expected a duration such as { seconds: 30 } or 'PT30S' (${
        (error as Error).message
      })`,
    );
  }
  const ms = durationToMilliseconds(duration);
  if (!(ms > 0 && ms <= 3_600_000)) {
    throw configError(key, 'expected a duration above zero and at most 1 hour');
  }
  return duration;
}

/**
 * Reads and validates the `techStack` config. Throws an `InputError` that
 * names the offending key when the config is wrong.
 *
 * @public
 */
export function readTechStackConfig(config: Config): TechStackConfig {
  const root = config.getOptionalConfig('techStack');
  const ownerValue = root?.getOptionalString('owner');
  const owner = ownerValue
    ? readOwner(ownerValue, 'techStack.owner')
    : DEFAULT_TECH_STACK_OWNER;

  const result: TechStackConfig = { owner, guides: [] };
  if (!root) {
    return result;
  }

  const defaultRing = root.getOptionalString('defaultRing');
  if (defaultRing !== undefined) {
    result.defaultRing = readRing(defaultRing, 'techStack.defaultRing');
  }

  const aliases = root.getOptionalConfig('aliases');
  if (aliases) {
    result.aliases = Object.fromEntries(
      aliases.keys().map(name => [name, aliases.getStringArray(name)]),
    );
  }

  const columnRings = root.getOptionalConfig('columnRings');
  if (columnRings) {
    result.columnRings = Object.fromEntries(
      columnRings.keys().map(column => {
        const value = columnRings.getString(column);
        if (value !== 'description' && value !== 'ignore' && !isRing(value)) {
          throw configError(
            `techStack.columnRings.${column}`,
            `'${value}' is not a ring, 'description' or 'ignore'`,
          );
        }
        return [column, value as ColumnRing];
      }),
    );
  }

  const guides = root.getOptionalConfigArray('guides') ?? [];
  const seen = new Set<string>();
  result.guides = guides.map((guide, index) => {
    const parsed = readGuideConfig(guide, index, owner);
    if (seen.has(parsed.id)) {
      throw configError(
        `techStack.guides[${index}].id`,
        `guide id '${parsed.id}' is used more than once`,
      );
    }
    seen.add(parsed.id);
    return parsed;
  });

  if (root.has('parser.timeout')) {
    result.parserTimeout = readParserTimeout(root);
  }

  if (root.has('ingestion.maxDropShare')) {
    const share = root.getOptional('ingestion.maxDropShare');
    if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
      throw configError(
        'techStack.ingestion.maxDropShare',
        `'${String(
          share,
        )}' is not a number from 0 to 1 (0.3 = a run may remove 30 % of the technologies)`,
      );
    }
    result.maxDropShare = share;
  }

  const overrides = root.getOptional('overrides');
  if (overrides !== undefined) {
    if (Array.isArray(overrides)) {
      result.overrides = {
        type: 'inline',
        overrides: parseOverrides(overrides, 'techStack.overrides'),
      };
    } else if (
      isPlainObject(overrides) &&
      typeof overrides.target === 'string'
    ) {
      const extra = Object.keys(overrides).find(k => k !== 'target');
      if (extra) {
        throw configError(
          `techStack.overrides.${extra}`,
          'unknown field, expected only `target`',
        );
      }
      result.overrides = { type: 'target', target: overrides.target.trim() };
    } else {
      throw configError(
        'techStack.overrides',
        'expected a list of overrides or an object with a `target` (URL or file path of a YAML list)',
      );
    }
  }

  return result;
}
