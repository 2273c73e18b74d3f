// Client module of tech-stack:wire for Couchbase: the official SDK, checked
// by pinging the key-value service of the bucket COUCHBASE_BUCKET. The user
// and password come from COUCHBASE_USERNAME and COUCHBASE_PASSWORD.
import {
  Cluster,
  connect as connectCluster,
  PingState,
  ServiceType,
} from 'couchbase';
import type { Dependency } from './types';

const TIMEOUT_MS = 2000;

export default function couchbase(address: string): Dependency {
  let cluster: Promise<Cluster> | undefined;
  // Connects on first use and again after a failed attempt.
  function get(): Promise<Cluster> {
    cluster ??= connectCluster(address, {
      username: process.env.COUCHBASE_USERNAME,
      password: process.env.COUCHBASE_PASSWORD,
      timeouts: {
        connectTimeout: TIMEOUT_MS,
        bootstrapTimeout: TIMEOUT_MS,
        kvTimeout: TIMEOUT_MS,
        managementTimeout: TIMEOUT_MS,
        queryTimeout: TIMEOUT_MS,
      },
    }).catch(error => {
      cluster = undefined;
      throw error;
    });
    return cluster;
  }
  return {
    async connect() {
      await get();
    },
    async check() {
      const name = process.env.COUCHBASE_BUCKET;
      if (!name) throw new Error('COUCHBASE_BUCKET is not set');
      const result = await (await get()).bucket(name).ping({
        serviceTypes: [ServiceType.KeyValue],
        timeout: TIMEOUT_MS,
      });
      const endpoints = Object.values(result.services).flat();
      if (endpoints.length === 0)
        throw new Error(`no key-value endpoint for bucket ${name}`);
      const failed = endpoints.find(
        endpoint => endpoint.state !== PingState.Ok,
      );
      if (failed)
        throw new Error(
          `${failed.remote}: ${String(
            failed.error ?? PingState[failed.state],
          )}`,
        );
    },
    async close() {
      const current = cluster;
      cluster = undefined;
      if (current) await (await current.catch(() => undefined))?.close();
    },
  };
}
