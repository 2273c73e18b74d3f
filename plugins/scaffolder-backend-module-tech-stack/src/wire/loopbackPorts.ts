/** The address published compose ports are bound to unless a recipe names one. */
export const LOOPBACK = '127.0.0.1';

/**
 * One compose port mapping bound to the loopback interface, so a service
 * started with `docker compose up` is reachable from the developer's machine
 * only, not from its network:
 *
 * - `"5432"` (container port only) becomes `"127.0.0.1::5432"`;
 * - `"5432:5432"`, `"8081:8080/tcp"` get the `127.0.0.1:` prefix;
 * - a mapping that names its host address (`"0.0.0.0:80:80"`, `"[::1]:80:80"`)
 *   is kept: that was a recipe author's decision;
 * - the long syntax (`{ target, published }`) gets `host_ip: 127.0.0.1` unless
 *   it has one.
 */
export function bindPortToLoopback(port: unknown): unknown {
  if (typeof port === 'number') {
    return `${LOOPBACK}::${port}`;
  }
  if (typeof port === 'string') {
    if (port.startsWith('[')) return port;
    const slash = port.indexOf('/');
    const mapping = slash < 0 ? port : port.slice(0, slash);
    const parts = mapping.split(':').length;
    if (parts === 1) return `${LOOPBACK}::${port}`;
    if (parts === 2) return `${LOOPBACK}:${port}`;
    return port;
  }
  if (typeof port === 'object' && port !== null && !Array.isArray(port)) {
    const long = port as Record<string, unknown>;
    return long.host_ip === undefined ? { ...long, host_ip: LOOPBACK } : long;
  }
  return port;
}

/** A compose service with every published port bound by {@link bindPortToLoopback}. */
export function withLoopbackPorts<T extends Record<string, unknown>>(
  service: T,
): T {
  if (!Array.isArray(service.ports)) return service;
  return { ...service, ports: service.ports.map(bindPortToLoopback) };
}
