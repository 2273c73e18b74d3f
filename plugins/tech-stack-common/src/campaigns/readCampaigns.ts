import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { technologySlug } from '../parser/slug';

/**
 * A migration campaign as configured in `techStack.campaigns[]`, validated
 * by {@link readCampaigns}.
 *
 * @public
 */
export interface CampaignConfig {
  /** The configured id, or the slug of the technology. */
  id: string;
  /** The technology to migrate away from: a name, title, alias or ref. */
  technology: string;
  /** What to migrate to (names, titles, aliases or refs). */
  replaceWith: string[];
  /** `YYYY-MM-DD`, a day of the calendar (UTC). */
  deadline: string;
  /** Why, as configured. */
  reason?: string;
}

/**
 * What {@link readCampaigns} reads the config through: Backstage's `Config`
 * (`@backstage/config`) is one, so this package needs no dependency on it.
 *
 * @public
 */
export interface CampaignConfigSource {
  getOptional(key: string): unknown;
}

const KEY = 'techStack.campaigns';

/**
 * The most campaigns `techStack.campaigns` may hold.
 *
 * @public
 */
export const MAX_CAMPAIGNS = 100;

/**
 * The most technologies one campaign's `replaceWith` may name.
 *
 * @public
 */
export const MAX_REPLACEMENTS = 20;

/**
 * The longest `id`, `technology`, `replaceWith` entry or `reason` of a
 * campaign, in characters.
 *
 * @public
 */
export const MAX_CAMPAIGN_STRING_LENGTH = 200;

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether `YYYY-MM-DD` names a real day (not 2027-02-30). */
function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  );
}

/**
 * Whole days from `now`'s day (UTC) to a campaign's `YYYY-MM-DD` deadline:
 * 0 on the deadline, negative after it.
 *
 * @public
 */
export function campaignDaysLeft(deadline: string, now: Date): number {
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - today) / DAY_MS);
}

const name = z
  .string({ error: 'expected a technology name, alias or ref' })
  .trim()
  .min(1, { error: 'expected a technology name, alias or ref, not empty' })
  .max(MAX_CAMPAIGN_STRING_LENGTH, {
    error: `at most ${MAX_CAMPAIGN_STRING_LENGTH} characters`,
  });

const campaignSchema = z.strictObject(
  {
    id: z
      .string({ error: 'expected a slug such as `rancher-to-kubernetes`' })
      .max(MAX_CAMPAIGN_STRING_LENGTH, {
        error: `at most ${MAX_CAMPAIGN_STRING_LENGTH} characters`,
      })
      .regex(ID_PATTERN, {
        error:
          'expected a slug: lower-case letters and digits separated by single dashes',
      })
      .optional(),
    technology: name,
    replaceWith: z
      .array(name, {
        error: 'expected a list of technology names, aliases or refs',
      })
      .min(1, { error: 'expected at least one technology to migrate to' })
      .max(MAX_REPLACEMENTS, {
        error: `at most ${MAX_REPLACEMENTS} technologies`,
      }),
    deadline: z
      .string({ error: 'expected a day as YYYY-MM-DD' })
      .refine(isCalendarDay, { error: 'expected a day as YYYY-MM-DD' }),
    reason: z
      .string({ error: 'expected a text' })
      .max(MAX_CAMPAIGN_STRING_LENGTH, {
        error: `at most ${MAX_CAMPAIGN_STRING_LENGTH} characters`,
      })
      .optional(),
  },
  {
    error: issue =>
      issue.code === 'unrecognized_keys'
        ? `unknown field, expected one of id, technology, replaceWith, deadline, reason`
        : 'expected an object with technology, replaceWith and deadline',
  },
);

const campaignsSchema = z
  .array(campaignSchema, { error: 'expected a list of campaigns' })
  .max(MAX_CAMPAIGNS, { error: `at most ${MAX_CAMPAIGNS} campaigns` });

/** `techStack.campaigns[0].replaceWith[1]` from a zod path. */
function keyOf(path: PropertyKey[], keys: string[] = []): string {
  let key = KEY;
  for (const part of path) {
    key += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  }
  // an unknown field: name it, not the object holding it
  return keys.length > 0 ? `${key}.${keys[0]}` : key;
}

/**
 * Reads `techStack.campaigns[]` (none when absent): the one reader of the
 * tech-stack backend (campaigns, compliance) and the catalog module
 * (notifications name a campaign's deadline). Throws an `InputError` naming
 * the failing key and what is allowed (for example: Invalid config at
 * 'techStack.campaigns[1].deadline': expected a day as YYYY-MM-DD), so a bad entry fails
 * the backend's start instead of silently dropping a campaign: unknown
 * fields, more than 100 campaigns or 20 replacements, texts over 200
 * characters, a deadline that is not a calendar day, and two campaigns with
 * the same id (the id defaults to the technology's slug) are refused.
 *
 * @public
 */
export function readCampaigns(config: CampaignConfigSource): CampaignConfig[] {
  const raw = config.getOptional(KEY);
  if (raw === undefined) return [];
  const result = campaignsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const keys =
      issue?.code === 'unrecognized_keys' ? (issue.keys as string[]) : [];
    throw new InputError(
      `Invalid config at '${keyOf(issue?.path ?? [], keys)}': ${
        issue?.message ?? 'invalid'
      }`,
    );
  }
  const seen = new Set<string>();
  return result.data.map((entry, index) => {
    // a ref (`technology:default/rancher`) gives the slug of its name
    const id =
      entry.id ?? technologySlug(entry.technology.split('/').pop() ?? '');
    if (seen.has(id)) {
      throw new InputError(
        `Invalid config at '${KEY}[${index}].id': the id '${id}' is used by an earlier campaign; give each campaign its own id`,
      );
    }
    seen.add(id);
    const campaign: CampaignConfig = {
      id,
      technology: entry.technology,
      replaceWith: entry.replaceWith,
      deadline: entry.deadline,
    };
    if (entry.reason) campaign.reason = entry.reason;
    return campaign;
  });
}
