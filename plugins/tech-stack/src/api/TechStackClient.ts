import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { Radar, TechStackApi } from './TechStackApi';

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

  async getRadar(options?: { guide?: string }): Promise<Radar> {
    const query = new URLSearchParams();
    if (options?.guide) {
      query.set('guide', options.guide);
    }
    const search = query.toString();
    return this.get<Radar>(`/radar${search ? `?${search}` : ''}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('tech-stack');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
