// Client module of tech-stack:wire for an MLflow tracking server: its address
// is MLFLOW_TRACKING_URI, checked with GET /health, which answers 200 while
// the server is up. No package: Node's fetch, with a short timeout.
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

export default function mlflowTracking(address: string): Dependency {
  const health = new URL(
    'health',
    address.endsWith('/') ? address : `${address}/`,
  );
  const check = async () => {
    let response: Response;
    try {
      response = await fetch(health, { signal: AbortSignal.timeout(2000) });
    } catch (error) {
      throw new Error(`${health.host} is unreachable: ${reasonOf(error)}`);
    }
    await response.arrayBuffer();
    if (!response.ok) {
      throw new Error(`${health.pathname} answered ${response.status}`);
    }
  };
  return { connect: check, check, close: async () => undefined };
}
