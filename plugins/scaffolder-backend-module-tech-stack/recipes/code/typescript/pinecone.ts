// Client module of tech-stack:wire for Pinecone (a hosted vector database):
// the official SDK against the control plane at the given address
// (PINECONE_CONTROLLER_HOST, https://api.pinecone.io), checked by describing
// the index PINECONE_INDEX (or listing the indexes when it is not set).
// The API key comes from PINECONE_API_KEY, never from the address.
import { Pinecone } from '@pinecone-database/pinecone';
import type { Dependency } from './types';

const TIMEOUT_MS = 2000;

export default function pinecone(address: string): Dependency {
  let client: Pinecone | undefined;
  // Created on first use: a missing key is a failed check, not a crash at start.
  function get(): Pinecone {
    const apiKey = process.env.PINECONE_API_KEY;
    if (!apiKey) throw new Error('PINECONE_API_KEY is not set');
    client ??= new Pinecone({
      apiKey,
      controllerHostUrl: address,
      maxRetries: 0,
      // Every request gives up after TIMEOUT_MS.
      fetchApi: (input, init) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) }),
    });
    return client;
  }
  async function check() {
    const index = process.env.PINECONE_INDEX;
    if (index) await get().describeIndex(index);
    else await get().listIndexes();
  }
  return {
    connect: check,
    check,
    async close() {
      client = undefined;
    },
  };
}
