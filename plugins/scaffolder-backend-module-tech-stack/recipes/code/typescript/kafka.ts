// Client module of tech-stack:wire for the Kafka protocol (Apache Kafka,
// Redpanda): `kafkajs` with a comma-separated broker list, checked by asking
// the cluster for its brokers.
import { Kafka, logLevel } from 'kafkajs';
import type { Dependency } from './types';

export default function kafka(address: string): Dependency {
  const client = new Kafka({
    clientId: process.env.OTEL_SERVICE_NAME ?? 'service',
    brokers: address.split(',').filter(Boolean),
    connectionTimeout: 2000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = client.admin();
  return {
    connect: () => admin.connect(),
    async check() {
      const { brokers } = await admin.describeCluster();
      if (brokers.length === 0) throw new Error('the cluster lists no broker');
    },
    close: () => admin.disconnect(),
  };
}
