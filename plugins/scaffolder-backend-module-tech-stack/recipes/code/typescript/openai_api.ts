// Client module of tech-stack:wire for the OpenAI API (GPT-4o, o1): the
// official SDK against the address (OPENAI_BASE_URL) with the key from
// OPENAI_API_KEY, checked by retrieving the model OPENAI_MODEL names: an
// authenticated call that generates no tokens and fails when the key cannot
// use that model.
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

export default function openaiApi(address: string): Dependency {
  const apiKey = process.env.OPENAI_API_KEY;
  const model = process.env.OPENAI_MODEL;
  const client = new OpenAI({
    baseURL: address,
    // A placeholder lets the service start; check() names the missing key.
    apiKey: apiKey || 'unset',
    timeout: 2000,
    maxRetries: 0,
  });
  const check = async () => {
    if (!apiKey) throw new Error('OPENAI_API_KEY is not set');
    try {
      if (model) await client.models.retrieve(model);
      else await client.models.list();
    } catch (error) {
      // A status and a hint, never the API's message (it echoes part of the key).
      if (error instanceof OpenAI.APIError && error.status) {
        const hint =
          error.status === 401 || error.status === 403
            ? ': check OPENAI_API_KEY'
            : error.status === 404 && model
            ? `: no model ${model} for this key (OPENAI_MODEL)`
            : '';
        throw new Error(`the OpenAI API answered ${error.status}${hint}`);
      }
      throw new Error(
        `${new URL(address).host} is unreachable: ${reasonOf(error)}`,
      );
    }
  };
  return { connect: check, check, close: async () => undefined };
}
