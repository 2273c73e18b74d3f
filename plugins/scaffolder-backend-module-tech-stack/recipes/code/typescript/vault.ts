// Client module of tech-stack:wire for HashiCorp Vault: its HTTP API through
// the global fetch (no client library), checked with GET /v1/sys/health,
// which needs no token. A standby (429) or performance standby (473) serves
// requests too; a sealed (503) or uninitialised (501) Vault does not. The
// service reads its secrets with the token in VAULT_TOKEN.
import type { Dependency } from './types';

/** Non-2xx answers of /v1/sys/health from a node that serves requests. */
const STANDBY = new Set([429, 473]);

/** What the other documented status codes mean. */
const STATES: Record<number, string> = {
  472: 'disaster-recovery secondary',
  474: 'standby without an active node',
  501: 'not initialized',
  503: 'sealed',
  530: 'removed from the cluster',
};

function reason(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

export default function vault(address: string): Dependency {
  const url = `${address.replace(/\/+$/, '')}/v1/sys/health`;
  async function health() {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(2000),
      });
      // Read the (small) body so that the connection is released.
      await response.arrayBuffer();
    } catch (error) {
      throw new Error(`Vault did not answer: ${reason(error)}`);
    }
    if (!response.ok && !STANDBY.has(response.status)) {
      const state = STATES[response.status];
      throw new Error(
        `Vault health answered HTTP ${response.status}${
          state ? ` (${state})` : ''
        }`,
      );
    }
  }
  return {
    connect: health,
    check: health,
    async close() {},
  };
}
