// Client module of tech-stack:wire for Meilisearch: the official client,
// checked with GET /health. The key comes from MEILI_MASTER_KEY (a search or
// admin API key works as well).
import { MeiliSearch } from 'meilisearch';
import type { Dependency } from './types';

export default function meilisearch(address: string): Dependency {
  const client = new MeiliSearch({
    host: address,
    apiKey: process.env.MEILI_MASTER_KEY || undefined,
    timeout: 2000,
  });
  async function check() {
    const { status } = await client.health();
    if (status !== 'available') throw new Error(`health answered ${status}`);
  }
  return {
    connect: check,
    check,
    async close() {
      // HTTP over fetch: nothing stays open.
    },
  };
}
