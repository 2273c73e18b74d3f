import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  NotificationSeverity,
  notificationSeverities,
} from '@backstage/plugin-notifications-common';

/**
 * `techStack.notifications`, read and validated.
 *
 * @public
 */
export interface TechStackNotificationsConfig {
  /** Whether owners are told when a technology they use goes on hold or leaves the guide. Default `true`. */
  enabled: boolean;
  /** The severity of those notifications. Default `normal`. */
  severity: NotificationSeverity;
}

const KEY = 'techStack.notifications';
const FIELDS = ['enabled', 'severity'];

function configError(key: string, message: string): InputError {
  return new InputError(`Invalid config at '${key}': ${message}`);
}

/**
 * Reads `techStack.notifications` (`enabled`, default `true`; `severity`,
 * one of `critical`, `high`, `normal`, `low`, default `normal`). Throws an
 * `InputError` naming the key and the allowed values when a value is wrong
 * or a field is unknown (a misspelt `enabled` must not leave them on).
 *
 * @public
 */
export function readNotificationsConfig(
  config: Config,
): TechStackNotificationsConfig {
  const result: TechStackNotificationsConfig = {
    enabled: true,
    severity: 'normal',
  };
  const value = config.getOptional(KEY);
  if (value === undefined) {
    return result;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw configError(KEY, 'expected an object with `enabled` and `severity`');
  }
  const unknownField = Object.keys(value).find(f => !FIELDS.includes(f));
  if (unknownField) {
    throw configError(
      `${KEY}.${unknownField}`,
      `unknown field, expected one of ${FIELDS.join(', ')}`,
    );
  }
  const { enabled, severity } = value as Record<string, unknown>;
  if (enabled !== undefined) {
    if (typeof enabled !== 'boolean') {
      throw configError(
        `${KEY}.enabled`,
        `'${String(enabled)}' is not true or false`,
      );
    }
    result.enabled = enabled;
  }
  if (severity !== undefined) {
    if (
      typeof severity !== 'string' ||
      !(notificationSeverities as readonly string[]).includes(severity)
    ) {
      throw configError(
        `${KEY}.severity`,
        `'${String(
          severity,
        )}' is not a severity, expected one of ${notificationSeverities.join(
          ', ',
        )}`,
      );
    }
    result.severity = severity as NotificationSeverity;
  }
  return result;
}
