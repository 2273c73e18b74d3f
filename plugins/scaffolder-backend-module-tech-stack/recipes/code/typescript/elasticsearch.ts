// Client module of tech-stack:wire for Elasticsearch (8.x servers): the
// official client, checked with a ping (HEAD /). Credentials, when the
// cluster has security enabled, go in the address (https://user:pass@host:9200).
import { Client } from '@elastic/elasticsearch';
import type { Dependency } from './types';

export default function elasticsearch(address: string): Dependency {
  const client = new Client({
    node: address,
    requestTimeout: 2000,
    pingTimeout: 2000,
    maxRetries: 0,
  });
  async function check() {
    if (!(await client.ping())) throw new Error('ping answered false');
  }
  return {
    connect: check,
    check,
    close: () => client.close(),
  };
}
