// Client module of tech-stack:wire for InfluxDB 2: the official client,
// checked by looking up the bucket INFLUXDB_BUCKET (which also checks the
// token, INFLUXDB_TOKEN) or, without a bucket, the server's health.
import { InfluxDB } from '@influxdata/influxdb-client';
import { BucketsAPI, HealthAPI } from '@influxdata/influxdb-client-apis';
import type { Dependency } from './types';

export default function influxdb(address: string): Dependency {
  const influx = new InfluxDB({
    url: address,
    token: process.env.INFLUXDB_TOKEN,
    timeout: 2000,
  });
  async function check() {
    const bucket = process.env.INFLUXDB_BUCKET;
    if (bucket) {
      const { buckets } = await new BucketsAPI(influx).getBuckets({
        name: bucket,
        org: process.env.INFLUXDB_ORG,
        limit: 1,
      });
      if (!buckets?.length) throw new Error(`bucket ${bucket} not found`);
    } else {
      const health = await new HealthAPI(influx).getHealth();
      if (health.status !== 'pass')
        throw new Error(`health answered ${health.status}: ${health.message}`);
    }
  }
  return {
    connect: check,
    check,
    async close() {
      // HTTP requests only: nothing stays open.
    },
  };
}
