import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Adoption,
  AdoptionRequest,
  CampaignHistoryQuery,
  CampaignHistoryResponse,
  CampaignsResponse,
  Compliance,
  Radar,
  RadarChanges,
  TechStack,
  TechStackApi,
} from './TechStackApi';
import type {
  AdoptionHistoryQuery,
  AdoptionHistoryResponse,
  RecipeIndex,
} from '@techstack/plugin-tech-stack-common';

/**
 * Talks to `/api/tech-stack` through the app's fetch API (so it carries the user's token).
 *
 * @public
 */
export class TechStackClient implements TechStackApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  /** {@inheritDoc TechStackApi.getRadar} */
  async getRadar(options?: { guide?: string; date?: string }): Promise<Radar> {
    const query = new URLSearchParams();
    if (options?.guide) {
      query.set('guide', options.guide);
    }
    if (options?.date) {
      query.set('date', options.date);
    }
    const search = query.toString();
    return this.get<Radar>(`/radar${search ? `?${search}` : ''}`);
  }

  /** {@inheritDoc TechStackApi.getRadarChanges} */
  async getRadarChanges(options: {
    from: string;
    to: string;
    guide?: string;
  }): Promise<RadarChanges> {
    const query = new URLSearchParams({ from: options.from, to: options.to });
    if (options.guide) query.set('guide', options.guide);
    return this.get<RadarChanges>(`/radar/changes?${query}`);
  }

  /** {@inheritDoc TechStackApi.getAdoption} */
  async getAdoption(request: AdoptionRequest = {}): Promise<Adoption> {
    const query = new URLSearchParams();
    for (const key of ['section', 'ring', 'team', 'sort'] as const) {
      const value = request[key];
      if (value) query.set(key, value);
    }
    if (request.limit !== undefined) query.set('limit', String(request.limit));
    if (request.offset !== undefined) {
      query.set('offset', String(request.offset));
    }
    if (request.includeComponents) query.set('include', 'components');
    const search = query.toString();
    return this.get<Adoption>(`/adoption${search ? `?${search}` : ''}`);
  }

  /** {@inheritDoc TechStackApi.getStack} */
  async getStack(entityRef: string): Promise<TechStack> {
    const query = new URLSearchParams({ entityRef });
    return this.get<TechStack>(`/stack?${query}`);
  }

  /** {@inheritDoc TechStackApi.getCompliance} */
  async getCompliance(options?: { team?: string }): Promise<Compliance> {
    const query = new URLSearchParams();
    if (options?.team) query.set('team', options.team);
    const search = query.toString();
    return this.get<Compliance>(`/compliance${search ? `?${search}` : ''}`);
  }

  /** {@inheritDoc TechStackApi.getAdoptionHistory} */
  async getAdoptionHistory(
    request: AdoptionHistoryQuery,
  ): Promise<AdoptionHistoryResponse> {
    const query = new URLSearchParams();
    for (const key of ['technology', 'team', 'from', 'to'] as const) {
      const value = request[key];
      if (value) query.set(key, value);
    }
    return this.get<AdoptionHistoryResponse>(`/adoption/history?${query}`);
  }

  /** {@inheritDoc TechStackApi.getCampaigns} */
  async getCampaigns(options?: {
    entityRef?: string;
  }): Promise<CampaignsResponse> {
    const query = new URLSearchParams();
    if (options?.entityRef) query.set('entityRef', options.entityRef);
    const search = query.toString();
    return this.get<CampaignsResponse>(
      `/campaigns${search ? `?${search}` : ''}`,
    );
  }

  /** {@inheritDoc TechStackApi.getCampaignHistory} */
  async getCampaignHistory(
    id: string,
    request: CampaignHistoryQuery = {},
  ): Promise<CampaignHistoryResponse> {
    const query = new URLSearchParams();
    for (const key of ['team', 'from', 'to'] as const) {
      const value = request[key];
      if (value) query.set(key, value);
    }
    const search = query.toString();
    return this.get<CampaignHistoryResponse>(
      `/campaigns/${encodeURIComponent(id)}/history${
        search ? `?${search}` : ''
      }`,
    );
  }

  /** {@inheritDoc TechStackApi.getCampaignCsv} */
  async getCampaignCsv(id: string): Promise<Blob> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('tech-stack');
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}/campaigns/${encodeURIComponent(id)}/export.csv`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.blob();
  }

  /** {@inheritDoc TechStackApi.getRecipes} */
  async getRecipes(): Promise<RecipeIndex> {
    return this.get<RecipeIndex>('/tech-stack/recipes', 'scaffolder');
  }

  private async get<T>(path: string, pluginId = 'tech-stack'): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl(pluginId);
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
