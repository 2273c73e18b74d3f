// Client module of tech-stack:wire for a dependency checked over HTTP (a
// health endpoint): its address is a URL that answers 2xx while it is up.
// No package: Node's fetch, with a short timeout.
import type { Dependency } from './types';

export default function httpHealth(address: string): Dependency {
  const get = async () => {
    const response = await fetch(address, {
      signal: AbortSignal.timeout(2000),
    });
    await response.arrayBuffer();
    if (!response.ok) {
      throw new Error(
        `${new URL(address).pathname} answered ${response.status}`,
      );
    }
  };
  return { connect: get, check: get, close: async () => undefined };
}
