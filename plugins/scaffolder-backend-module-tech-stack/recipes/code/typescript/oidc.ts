// Client module of tech-stack:wire for OpenID Connect providers (Keycloak,
// Auth0, Okta): the address is the issuer URL; the check fetches the
// provider's discovery document through the global fetch (no client
// library) and requires JSON with an `issuer`. The service signs users in
// with OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.
import type { Dependency } from './types';

function reason(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

export default function oidc(address: string): Dependency {
  const url = `${address.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  async function discover() {
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(2000),
      });
      body = await response.text();
    } catch (error) {
      throw new Error(`the OpenID provider did not answer: ${reason(error)}`);
    }
    if (!response.ok) {
      throw new Error(
        `the OpenID discovery document answered HTTP ${response.status}`,
      );
    }
    let document: unknown;
    try {
      document = JSON.parse(body);
    } catch {
      throw new Error('the OpenID discovery document is not JSON');
    }
    const issuer = (document as { issuer?: unknown } | null)?.issuer;
    if (typeof issuer !== 'string' || issuer === '') {
      throw new Error('the OpenID discovery document has no issuer');
    }
  }
  return {
    connect: discover,
    check: discover,
    async close() {},
  };
}
