// Client module of tech-stack:wire for self-hosted inference servers with an
// OpenAI-compatible API (vLLM, Ollama): the `openai` SDK against the address
// (`<PREFIX>_BASE_URL`, such as VLLM_BASE_URL or OLLAMA_BASE_URL), checked by
// listing the served models. The key is `<PREFIX>_API_KEY` when it is set
// (VLLM_API_KEY), `unused` otherwise (Ollama takes any).
import OpenAI from 'openai';
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

/** `X_API_KEY` for the `X_BASE_URL` that holds `address` (VLLM_API_KEY), if one does. */
function apiKeyVariableOf(address: string): string | undefined {
  const name = Object.keys(process.env).find(
    key => key.endsWith('_BASE_URL') && process.env[key] === address,
  );
  return name && `${name.slice(0, -'_BASE_URL'.length)}_API_KEY`;
}

export default function openaiCompatible(address: string): Dependency {
  const keyVariable = apiKeyVariableOf(address);
  const client = new OpenAI({
    baseURL: address,
    apiKey: (keyVariable && process.env[keyVariable]) || 'unused',
    timeout: 2000,
    maxRetries: 0,
  });
  const check = async () => {
    try {
      await client.models.list();
    } catch (error) {
      // A status and a hint, not the server's message.
      if (error instanceof OpenAI.APIError && error.status) {
        const hint =
          error.status === 401 || error.status === 403
            ? `: check ${keyVariable ?? 'the API key'}`
            : '';
        throw new Error(
          `${new URL(address).host} answered ${error.status}${hint}`,
        );
      }
      throw new Error(
        `${new URL(address).host} is unreachable: ${reasonOf(error)}`,
      );
    }
  };
  return { connect: check, check, close: async () => undefined };
}
