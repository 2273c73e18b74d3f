// Client module of tech-stack:wire for the Gemini API (Google): the official
// `@google/genai` SDK against the address (GEMINI_BASE_URL) with the key from
// GEMINI_API_KEY, checked by getting the model GEMINI_MODEL names: an
// authenticated call that generates no tokens.
import { ApiError, GoogleGenAI } from '@google/genai';
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

export default function geminiApi(address: string): Dependency {
  const apiKey = process.env.GEMINI_API_KEY;
  const model = process.env.GEMINI_MODEL;
  const client = new GoogleGenAI({
    vertexai: false,
    // A placeholder lets the service start; check() names the missing key.
    apiKey: apiKey || 'unset',
    httpOptions: {
      baseUrl: address,
      timeout: 2000,
      retryOptions: { attempts: 1 },
    },
  });
  const check = async () => {
    if (!apiKey) throw new Error('GEMINI_API_KEY is not set');
    if (!model) throw new Error('GEMINI_MODEL is not set');
    try {
      await client.models.get({ model });
    } catch (error) {
      // A status and a hint, not the API's message.
      if (error instanceof ApiError) {
        const hint =
          error.status === 404
            ? `: no model ${model} (GEMINI_MODEL)`
            : [400, 401, 403].includes(error.status)
            ? ': check GEMINI_API_KEY'
            : '';
        throw new Error(`the Gemini API answered ${error.status}${hint}`);
      }
      throw new Error(
        `${new URL(address).host} is unreachable: ${reasonOf(error)}`,
      );
    }
  };
  return { connect: check, check, close: async () => undefined };
}
