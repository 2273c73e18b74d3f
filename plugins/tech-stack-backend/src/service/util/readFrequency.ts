import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';

/**
 * A scheduled task's frequency from config (a duration object such as
 * `{ minutes: 5 }`, an ISO 8601 duration or `5m`), or the default; a bad
 * value fails naming the key.
 */
export function readFrequency(
  config: Config,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition['frequency'],
): SchedulerServiceTaskScheduleDefinition['frequency'] {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}
