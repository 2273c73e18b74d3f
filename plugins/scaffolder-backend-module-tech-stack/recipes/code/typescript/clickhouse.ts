// Client module of tech-stack:wire for ClickHouse: the official HTTP client,
// checked with `SELECT 1` (which, unlike /ping, checks the credentials). The
// user and password come from CLICKHOUSE_USER and CLICKHOUSE_PASSWORD; a
// database in the address's path is used as the default database.
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import type { Dependency } from './types';

export default function clickhouse(address: string): Dependency {
  const client = createClient({
    url: address,
    ...(process.env.CLICKHOUSE_USER
      ? { username: process.env.CLICKHOUSE_USER }
      : {}),
    ...(process.env.CLICKHOUSE_PASSWORD
      ? { password: process.env.CLICKHOUSE_PASSWORD }
      : {}),
    request_timeout: 2000,
    // A failed check is reported by /readyz; the client need not log it too.
    log: { level: ClickHouseLogLevel.ERROR },
  });
  async function check() {
    const result = await client.ping({ select: true });
    if (!result.success) throw result.error;
  }
  return {
    connect: check,
    check,
    close: () => client.close(),
  };
}
