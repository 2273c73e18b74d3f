import {
  BackstageCredentials,
  BackstagePrincipalTypes,
  HttpAuthService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import { Request } from 'express';

const SERVICE_TOKEN_PREFIX = 'mock-service-token:';

type PrincipalFields = { type: string; userEntityRef?: string };

/**
 * An HTTP auth service for tests that reads the mock tokens of
 * `@backstage/backend-test-utils` like its own mock, except that a plugin's
 * token on behalf of a user authenticates as that user with the calling
 * plugin as `actor`, as the real auth service does. The permission backend
 * needs the actor to accept resource permissions without a resource ref (the
 * catalog's conditional list queries); the plain mock drops it. A request
 * without a token is anonymous (`none`). Cookies are not supported.
 */
export const oboActorMockHttpAuthFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): HttpAuthService {
    const auth = mockServices.auth({ pluginId: plugin.getId() });

    async function read(req: Request): Promise<BackstageCredentials> {
      const header = req.headers.authorization;
      const token =
        typeof header === 'string' && header.startsWith('Bearer ')
          ? header.slice('Bearer '.length).trim()
          : '';
      if (!token || token === 'mock-none-token') {
        return auth.getNoneCredentials();
      }
      const credentials = await auth.authenticate(token);
      const principal = credentials.principal as PrincipalFields;
      if (
        principal.type === 'user' &&
        principal.userEntityRef &&
        token.startsWith(SERVICE_TOKEN_PREFIX)
      ) {
        return mockCredentials.user(principal.userEntityRef, {
          actor: { subject: 'plugin:on-behalf-of' },
        });
      }
      return credentials;
    }

    return {
      async credentials<T extends keyof BackstagePrincipalTypes = 'unknown'>(
        req: Request,
        options?: { allow?: Array<T> },
      ) {
        const credentials = await read(req);
        const type = (credentials.principal as PrincipalFields).type as T;
        if (options?.allow && !options.allow.includes(type)) {
          if (type === 'none') {
            throw new AuthenticationError('Missing credentials');
          }
          throw new NotAllowedError(
            `This endpoint does not allow '${type}' credentials`,
          );
        }
        return credentials as BackstageCredentials<BackstagePrincipalTypes[T]>;
      },
      async issueUserCookie() {
        return { expiresAt: new Date(0) };
      },
    };
  },
});
