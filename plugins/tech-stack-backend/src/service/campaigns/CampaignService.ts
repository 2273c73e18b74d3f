import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  Campaign,
  CampaignConfig,
  CampaignsResponse,
} from '@techstack/plugin-tech-stack-common';
import { UsageSnapshot } from '../adoption/UsageSnapshot';
import { buildCampaign, buildCampaigns } from './buildCampaigns';

/** Options of {@link CampaignService}. */
export interface CampaignServiceOptions {
  /** The configured campaigns (`readCampaigns`). */
  campaigns: CampaignConfig[];
  /** The caller's usage snapshot (`AdoptionService.getSnapshot`), so permissions apply. */
  snapshot: (credentials: BackstageCredentials) => Promise<UsageSnapshot>;
  /** The clock; tests replace it. */
  now?: () => Date;
}

/**
 * Migration campaigns over the caller's usage snapshot: no catalog access of
 * its own, the snapshot is the adoption views' (cached per caller).
 *
 * Burn-down: the history of remaining components per day is not kept here;
 * `getCampaignHistory` (`GET /campaigns/:id/history`) reads it from the
 * adoption history.
 */
export class CampaignService {
  private readonly campaigns: CampaignConfig[];
  private readonly snapshot: CampaignServiceOptions['snapshot'];
  private readonly now: () => Date;

  constructor(options: CampaignServiceOptions) {
    this.campaigns = options.campaigns;
    this.snapshot = options.snapshot;
    this.now = options.now ?? (() => new Date());
  }

  /** `GET /campaigns`: all campaigns, or those one component is part of. */
  async getCampaigns(options: {
    credentials: BackstageCredentials;
    entityRef?: string;
  }): Promise<CampaignsResponse> {
    if (this.campaigns.length === 0) {
      return { generatedAt: this.now().toISOString(), campaigns: [] };
    }
    const snapshot = await this.snapshot(options.credentials);
    return buildCampaigns(snapshot, this.campaigns, {
      now: this.now(),
      entityRef: options.entityRef,
    });
  }

  /** One campaign by id; `NotFoundError` when no campaign has it. */
  async getCampaign(options: {
    credentials: BackstageCredentials;
    id: string;
  }): Promise<Campaign> {
    const config = this.campaigns.find(c => c.id === options.id);
    if (!config) {
      throw new NotFoundError(`No campaign with the id '${options.id}'`);
    }
    const snapshot = await this.snapshot(options.credentials);
    return buildCampaign(snapshot, config, this.now());
  }
}
