import { RINGS } from '@techstack/plugin-tech-stack-common';
import type { z as zod } from 'zod/v3';

/**
 * The zod shapes the actions' outputs share, built from the zod instance the
 * actions registry hands to each schema callback.
 */
export function sharedSchemas(z: typeof zod) {
  const ring = z.enum(RINGS);
  const choice = z.object({
    title: z.string().describe('The name as the guide writes it'),
    ref: z.string().describe('Entity ref of the Technology'),
    ring: ring.describe('Its ring in this layer'),
    reason: z
      .string()
      .optional()
      .describe("The organisation's reason for its ring, if it gave one"),
  });
  const place = z.object({
    section: z.string(),
    group: z.string().optional(),
    layer: z.string(),
    ring,
  });
  return { ring, choice, place };
}
