import type {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { CatalogClient } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ForwardedError, ResponseError } from '@backstage/errors';
import type { ComplianceResponse } from '@techstack/plugin-tech-stack-common';

/**
 * At most this many names in `holdNames` and `offGuideNames` of one
 * component; the counts are never capped.
 *
 * @public
 */
export const MAX_FACT_NAMES = 50;

/** Components read from the catalog per request. */
const CATALOG_PAGE_SIZE = 500;

/** What the compliance report says about one component. */
interface ComponentFindings {
  hold: number;
  offGuide: number;
  holdNames: Set<string>;
  offGuideNames: Set<string>;
}

/** Case-insensitive key of an entity ref (refs compare without case). */
const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Reads `GET /api/tech-stack/compliance` as the tech-insights plugin itself.
 * Throws when the endpoint fails or answers something else than a report,
 * so that no fact is stored for this run.
 */
async function readCompliance(
  ctx: FactRetrieverContext,
): Promise<ComplianceResponse> {
  const baseUrl = await ctx.discovery.getBaseUrl('tech-stack');
  const url = `${baseUrl}/compliance`;
  const { token } = await ctx.auth.getPluginRequestToken({
    onBehalfOf: await ctx.auth.getOwnServiceCredentials(),
    targetPluginId: 'tech-stack',
  });
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
    });
  } catch (error) {
    throw new ForwardedError(`Tech stack compliance request to ${url}`, error);
  }
  if (!response.ok) {
    throw new ForwardedError(
      `Tech stack compliance request to ${url}`,
      await ResponseError.fromResponse(response),
    );
  }
  const body = (await response.json()) as Partial<ComplianceResponse>;
  if (!Array.isArray(body?.teams)) {
    throw new Error(
      `Tech stack compliance response of ${url} has no 'teams' list`,
    );
  }
  return body as ComplianceResponse;
}

/** Per component ref (lower case): its hold and off-guide findings. */
function findingsByComponent(
  report: ComplianceResponse,
): Map<string, ComponentFindings> {
  const result = new Map<string, ComponentFindings>();
  for (const team of report.teams) {
    for (const component of team.components ?? []) {
      const key = refKey(component.ref);
      let entry = result.get(key);
      if (!entry) {
        entry = {
          hold: 0,
          offGuide: 0,
          holdNames: new Set(),
          offGuideNames: new Set(),
        };
        result.set(key, entry);
      }
      for (const finding of component.findings ?? []) {
        if (finding.kind === 'hold') {
          entry.hold++;
          entry.holdNames.add(finding.name);
        } else if (finding.kind === 'off-guide') {
          entry.offGuide++;
          entry.offGuideNames.add(finding.name);
        }
      }
    }
  }
  return result;
}

/** The refs of every entity the retriever's filter selects, page by page. */
async function listEntities(ctx: FactRetrieverContext) {
  const { token } = await ctx.auth.getPluginRequestToken({
    onBehalfOf: await ctx.auth.getOwnServiceCredentials(),
    targetPluginId: 'catalog',
  });
  const catalog = new CatalogClient({ discoveryApi: ctx.discovery });
  const entities: Array<{ kind: string; namespace: string; name: string }> = [];
  const fields = ['kind', 'metadata.name', 'metadata.namespace'];
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, fields, limit: CATALOG_PAGE_SIZE }
        : { filter: ctx.entityFilter, fields, limit: CATALOG_PAGE_SIZE },
      { token },
    );
    for (const entity of page.items) {
      entities.push({
        kind: entity.kind,
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
      });
    }
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return entities;
}

const sortedNames = (names: Set<string>) =>
  [...names].sort((a, b) => a.localeCompare(b)).slice(0, MAX_FACT_NAMES);

/**
 * Fact retriever `techStackFactRetriever`: per component, how many
 * technologies on the hold ring and how many names outside the guide it
 * uses, with their names.
 *
 * The numbers are those of the tech-stack backend's
 * `GET /api/tech-stack/compliance` (one rule for what a component uses, in one
 * place), read with the tech-insights plugin's own service credentials.
 * Every component of the catalog gets a fact; components without findings
 * get zeros. The compliance report covers components with an owner
 * (`spec.owner` is required for a Component, so in practice all of them).
 *
 * Failure: when the compliance endpoint or the catalog fails, the handler
 * throws; tech insights logs the error and stores no facts for that run,
 * so the latest facts stay those of the last successful run.
 *
 * Names are sorted and capped at {@link MAX_FACT_NAMES} per fact.
 *
 * @public
 */
export const techStackFactRetriever: FactRetriever = {
  id: 'techStackFactRetriever',
  version: '0.1.0',
  title: 'Tech stack compliance',
  description:
    'Per component: technologies on hold and names not in the technology stack guide that it uses',
  entityFilter: [{ kind: 'component' }],
  schema: {
    holdTechnologies: {
      type: 'integer',
      description: 'Number of technologies on the hold ring the component uses',
    },
    offGuideTechnologies: {
      type: 'integer',
      description:
        'Number of names in techstack.dev/uses that match no technology of the guide',
    },
    holdNames: {
      type: 'set',
      description: `Titles of the technologies on hold (at most ${MAX_FACT_NAMES})`,
    },
    offGuideNames: {
      type: 'set',
      description: `Names not in the guide (at most ${MAX_FACT_NAMES})`,
    },
  },
  async handler(ctx): Promise<TechInsightFact[]> {
    const findings = findingsByComponent(await readCompliance(ctx));
    const entities = await listEntities(ctx);
    return entities.map(entity => {
      const found = findings.get(refKey(stringifyEntityRef(entity)));
      return {
        entity,
        facts: {
          holdTechnologies: found?.hold ?? 0,
          offGuideTechnologies: found?.offGuide ?? 0,
          holdNames: found ? sortedNames(found.holdNames) : [],
          offGuideNames: found ? sortedNames(found.offGuideNames) : [],
        },
      };
    });
  },
};
