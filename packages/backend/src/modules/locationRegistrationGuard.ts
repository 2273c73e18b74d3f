import type { HttpRouterService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { FileLocationPolicy } from './FileLocationPolicy';

type Handler = Parameters<HttpRouterService['use']>[0];
type Request = Parameters<Handler>[0];

/** The catalog's own limit on a JSON body (the body parser's default). */
const MAX_BODY_BYTES = 100 * 1024;

/**
 * Reads a JSON request body once, bounded, and leaves it where the catalog's
 * body parser looks for it (`req.body`, marked as parsed), so the catalog
 * does not read the stream again. Past the bound the rest of the body is
 * drained unread, so the connection stays usable for the error answer.
 */
function readJsonBody(req: Request): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) return; // drained unread
      if (size > MAX_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        reject(
          new InputError(
            `A location request body may have at most ${MAX_BODY_BYTES} bytes`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        const body: unknown = text === '' ? {} : JSON.parse(text);
        Object.assign(req, { body, _body: true });
        resolve(body);
      } catch {
        reject(new InputError('The request body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function isJson(req: Request): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().includes('json');
}

/**
 * Middleware for the catalog's router (added by a catalog module, so it runs
 * before the catalog's routes): `POST /locations` — with or without
 * `?dryRun=true` — and `PUT /locations/:id` with `type: file` are answered
 * with 403 and the policy's reason when the target is not allowed, before
 * the catalog stores or reads anything. Other requests pass untouched.
 */
export function createLocationRegistrationGuard(
  policy: FileLocationPolicy,
): Handler {
  return (req, _res, next) => {
    const registers =
      (req.method === 'POST' && req.path === '/locations') ||
      (req.method === 'PUT' && req.path.startsWith('/locations/'));
    if (!registers || !isJson(req)) {
      next();
      return;
    }
    readJsonBody(req)
      .then(async body => {
        const { type, target } = (body ?? {}) as {
          type?: unknown;
          target?: unknown;
        };
        if (type === 'file' && typeof target === 'string') {
          await policy.check(target);
        }
      })
      .then(() => next(), next);
  };
}
