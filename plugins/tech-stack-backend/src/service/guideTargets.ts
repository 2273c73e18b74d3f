import { Config } from '@backstage/config';

/**
 * Per guide id, the `target` of `techStack.guides[]` as written in the
 * config (the catalog module validates these keys; a guide without an id or
 * target is skipped here).
 */
export function readGuideTargets(config: Config): Map<string, string> {
  const targets = new Map<string, string>();
  for (const guide of config.getOptionalConfigArray('techStack.guides') ?? []) {
    const id = guide.getOptionalString('id');
    const target = guide.getOptionalString('target');
    if (id && target) targets.set(id, target.trim());
  }
  return targets;
}
