// Client module of tech-stack:wire for Weaviate: the v3 client, REST at the
// address and gRPC at WEAVIATE_GRPC_URL (by default the same host, port
// 50051), checked with the readiness endpoint. Connecting checks the API key,
// WEAVIATE_API_KEY, when it is set.
import weaviateClient, { type WeaviateClient } from 'weaviate-client';
import type { Dependency } from './types';

const TIMEOUT_S = 2;

function port(url: URL, fallback: number): number {
  if (url.port) return Number(url.port);
  if (url.protocol === 'https:') return 443;
  return fallback;
}

export default function weaviate(address: string): Dependency {
  const http = new URL(address);
  const grpc = new URL(
    process.env.WEAVIATE_GRPC_URL ?? `${http.protocol}//${http.hostname}:50051`,
  );
  let client: Promise<WeaviateClient> | undefined;
  // Connects on first use and again after a failed attempt.
  function get(): Promise<WeaviateClient> {
    client ??= weaviateClient
      .connectToCustom({
        httpHost: http.hostname,
        httpPort: port(http, 80),
        httpPath: http.pathname === '/' ? undefined : http.pathname,
        httpSecure: http.protocol === 'https:',
        grpcHost: grpc.hostname,
        grpcPort: port(grpc, 50051),
        grpcSecure: grpc.protocol === 'https:',
        authCredentials: process.env.WEAVIATE_API_KEY
          ? new weaviateClient.ApiKey(process.env.WEAVIATE_API_KEY)
          : undefined,
        timeout: { init: TIMEOUT_S, query: TIMEOUT_S, insert: TIMEOUT_S },
      })
      .catch(error => {
        client = undefined;
        throw error;
      });
    return client;
  }
  return {
    async connect() {
      await get();
    },
    async check() {
      const ready = await (await get()).isReady();
      if (!ready) throw new Error(`Weaviate at ${http.origin} is not ready`);
    },
    async close() {
      const current = client;
      client = undefined;
      if (current) await (await current.catch(() => undefined))?.close();
    },
  };
}
