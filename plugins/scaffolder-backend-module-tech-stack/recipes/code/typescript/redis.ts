// Client module of tech-stack:wire for the Redis protocol (Redis, Valkey,
// DragonflyDB): `ioredis`, checked with PING. Commands fail at once while
// the server is away (no offline queue) and the client reconnects by itself.
// OpenTelemetry's auto-instrumentation traces its commands.
import Redis from 'ioredis';
import type { Dependency } from './types';

export default function redis(address: string): Dependency {
  const client = new Redis(address, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
  });
  // Connection errors are retried by the client; /readyz reports the outage.
  client.on('error', () => undefined);
  return {
    async connect() {
      await client.connect();
    },
    async check() {
      const answer = await client.ping();
      if (answer !== 'PONG') throw new Error(`PING answered ${answer}`);
    },
    async close() {
      client.disconnect();
    },
  };
}
