import {
  HttpAuthService,
  HttpRouterService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogEntityRefreshPermission } from '@backstage/plugin-catalog-common/alpha';
import { TechStackGuideEntityProvider } from '../provider/TechStackGuideEntityProvider';

/** An express request handler, typed without importing express. */
type Handler = Parameters<HttpRouterService['use']>[0];

/** The path, under the catalog plugin's router (`/api/catalog`). */
export const REFRESH_PATH = '/tech-stack/refresh';

/**
 * `POST /api/catalog/tech-stack/refresh[?guide=<id>]`: reads the guide(s) now.
 *
 * Needs user or service credentials, and (for users) the
 * `catalog.entity.refresh` permission without conditions. Answers
 * `200 { guides: [{ id, technologies, warnings }] }`; when a guide could not be
 * ingested, `502 { error: { name, message }, guides: [...] }` with an `error`
 * on each failed guide (the catalog keeps that guide's earlier entities).
 */
export function createRefreshHandler(options: {
  providers: TechStackGuideEntityProvider[];
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): Handler {
  const { providers, httpAuth, permissions } = options;

  const handle = async (
    req: Parameters<Handler>[0],
    res: Parameters<Handler>[1],
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorizeConditional(
      [{ permission: catalogEntityRefreshPermission }],
      { credentials },
    );
    // AuthorizeResult.ALLOW; a conditional decision does not cover a whole guide.
    if (String(decision.result) !== 'ALLOW') {
      throw new NotAllowedError(
        'Refreshing tech stack guides requires the catalog.entity.refresh permission',
      );
    }

    const guideParam = req.query.guide;
    if (guideParam !== undefined && typeof guideParam !== 'string') {
      throw new InputError('The guide parameter must be a single guide id');
    }
    const selected = guideParam
      ? providers.filter(p => p.guideId === guideParam)
      : providers;
    if (guideParam && selected.length === 0) {
      throw new NotFoundError(
        `No tech stack guide '${guideParam}' is configured; known: ${
          providers.map(p => p.guideId).join(', ') || 'none'
        }`,
      );
    }

    const outcomes = await Promise.all(
      selected.map(provider =>
        provider.refresh().then(
          result => ({ ...result }),
          (error: Error) => ({
            id: provider.guideId,
            technologies: 0,
            warnings: [] as string[],
            error: error.message,
          }),
        ),
      ),
    );
    const failed = outcomes.filter(o => 'error' in o);
    if (failed.length) {
      res.status(502).json({
        error: {
          name: 'GuideRefreshError',
          message: failed.map(o => ('error' in o ? o.error : '')).join('; '),
        },
        guides: outcomes,
      });
      return;
    }
    res.status(200).json({ guides: outcomes });
  };

  return (req, res, next) => {
    if (req.path !== REFRESH_PATH) {
      next();
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      res.status(405).json({
        error: {
          name: 'MethodNotAllowed',
          message: `Use POST ${REFRESH_PATH}`,
        },
      });
      return;
    }
    handle(req, res).catch(next);
  };
}
