// Client module of tech-stack:wire for the Claude API (Anthropic): the
// official SDK against the address (ANTHROPIC_BASE_URL) with the key from
// ANTHROPIC_API_KEY, checked by listing one model: an authenticated call
// that generates no tokens. It does not look up ANTHROPIC_MODEL (the model
// the service's own code uses): a retired model id fails the first request
// that names it, not the readiness check.
import Anthropic from '@anthropic-ai/sdk';
import type { Dependency } from './types';

/** Why a request got no answer: the innermost cause's code (ECONNREFUSED, ENOTFOUND) or message. */
function reasonOf(error: unknown): string {
  let reason = error instanceof Error ? error.message : String(error);
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const { code } = cause as { code?: unknown };
    if (typeof code === 'string') return code;
    if (cause.name === 'AbortError' || cause.name === 'TimeoutError') {
      return 'no answer within 2 s';
    }
    reason = cause.message || reason;
  }
  return reason;
}

export default function anthropicApi(address: string): Dependency {
  const apiKey = process.env.ANTHROPIC_API_KEY;
  const client = new Anthropic({
    baseURL: address,
    apiKey: apiKey ?? null,
    timeout: 2000,
    maxRetries: 0,
  });
  const check = async () => {
    if (!apiKey) throw new Error('ANTHROPIC_API_KEY is not set');
    try {
      await client.models.list({ limit: 1 });
    } catch (error) {
      // A status and a hint, not the API's message.
      if (error instanceof Anthropic.APIError && error.status) {
        const hint =
          error.status === 401 || error.status === 403
            ? ': check ANTHROPIC_API_KEY'
            : '';
        throw new Error(`the Claude API answered ${error.status}${hint}`);
      }
      const reason =
        error instanceof Anthropic.APIConnectionTimeoutError
          ? 'no answer within 2 s'
          : reasonOf(error);
      throw new Error(`${new URL(address).host} is unreachable: ${reason}`);
    }
  };
  return { connect: check, check, close: async () => undefined };
}
