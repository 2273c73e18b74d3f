// Client module of tech-stack:wire for the PostgreSQL protocol (PostgreSQL,
// CockroachDB, TimescaleDB): a pool from `pg`, checked with `SELECT 1`.
// OpenTelemetry's auto-instrumentation traces its queries.
import { Pool } from 'pg';
import type { Dependency } from './types';

export default function postgres(address: string): Dependency {
  const pool = new Pool({
    connectionString: address,
    max: 10,
    connectionTimeoutMillis: 2000,
  });
  // An idle connection that breaks is replaced; /readyz reports the outage.
  pool.on('error', () => undefined);
  return {
    async connect() {
      const client = await pool.connect();
      client.release();
    },
    async check() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}
