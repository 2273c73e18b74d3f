// Client module of tech-stack:wire for Qdrant: the REST client, checked by
// listing the collections (which checks the API key, QDRANT_API_KEY, when the
// server requires one).
import { QdrantClient } from '@qdrant/js-client-rest';
import type { Dependency } from './types';

export default function qdrant(address: string): Dependency {
  const apiKey = process.env.QDRANT_API_KEY;
  const client = new QdrantClient({
    url: address,
    // As a header rather than `apiKey`, which warns on every plain-HTTP
    // address (the compose network's).
    headers: apiKey ? { 'api-key': apiKey } : {},
    timeout: 2000,
    // Not checked at construction: /readyz reports whether the server answers.
    checkCompatibility: false,
  });
  async function check() {
    try {
      await client.getCollections();
    } catch (error) {
      // fetch's "fetch failed" says why in its cause (ECONNREFUSED, …).
      if (error instanceof Error && error.cause instanceof Error) {
        throw new Error(`${error.message}: ${error.cause.message}`, {
          cause: error,
        });
      }
      throw error;
    }
  }
  return {
    connect: check,
    check,
    async close() {
      // REST over fetch: nothing stays open.
    },
  };
}
