import { ConfigReader } from '@backstage/config';
import { readNotificationsConfig } from './config';

const read = (notifications: unknown) =>
  readNotificationsConfig(
    new ConfigReader(
      notifications === undefined ? {} : { techStack: { notifications } },
    ),
  );

describe('readNotificationsConfig', () => {
  it('is on, at normal severity, when nothing is configured', () => {
    expect(read(undefined)).toEqual({ enabled: true, severity: 'normal' });
    expect(read({})).toEqual({ enabled: true, severity: 'normal' });
  });

  it('reads enabled and severity', () => {
    expect(read({ enabled: false })).toEqual({
      enabled: false,
      severity: 'normal',
    });
    for (const severity of ['critical', 'high', 'normal', 'low']) {
      expect(read({ severity })).toEqual({ enabled: true, severity });
    }
  });

  it('names the key and the allowed values when a value is wrong', () => {
    expect(() => read({ severity: 'urgent' })).toThrow(
      "Invalid config at 'techStack.notifications.severity': 'urgent' is not a severity, expected one of critical, high, normal, low",
    );
    expect(() => read({ enabled: 'yes' })).toThrow(
      "Invalid config at 'techStack.notifications.enabled': 'yes' is not true or false",
    );
    expect(() => read(true)).toThrow(
      "Invalid config at 'techStack.notifications': expected an object",
    );
  });

  it('rejects unknown fields, so a misspelt switch does not leave notifications on', () => {
    expect(() => read({ enable: false })).toThrow(
      "Invalid config at 'techStack.notifications.enable': unknown field, expected one of enabled, severity",
    );
  });
});
