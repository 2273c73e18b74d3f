import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { AdoptionService } from '../service/AdoptionService';
import { createCheckTechnologiesAction } from './createCheckTechnologiesAction';
import { createGetRecommendedStackAction } from './createGetRecommendedStackAction';
import { createGetTeamStackAction } from './createGetTeamStackAction';
import { createValidateEntityAction } from './createValidateEntityAction';
import { createWhoUsesAction } from './createWhoUsesAction';

/**
 * Registers the tech-stack actions in Backstage's actions registry (offered
 * to AI agents by the MCP actions backend): every action reads the catalog
 * with the caller's credentials, through the adoption service's snapshot.
 */
export function registerTechStackActions(options: {
  actionsRegistry: ActionsRegistryService;
  adoption: AdoptionService;
}) {
  createGetRecommendedStackAction(options);
  createCheckTechnologiesAction(options);
  createWhoUsesAction(options);
  createGetTeamStackAction(options);
  createValidateEntityAction(options);
}
