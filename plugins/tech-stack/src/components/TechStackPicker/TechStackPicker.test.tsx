import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RecipeIndex } from '@techstack/plugin-tech-stack-common';
import { techStackApiRef } from '../../api';
import { TechStackPicker } from './TechStackPicker';
import { techStackPickerValidation } from './techStackPickerValidation';

let line = 0;
function technology(
  name: string,
  title: string,
  layer: string,
  ring: 'adopt' | 'trial' | 'assess' | 'hold',
  ringReason?: string,
  aliases?: string[],
): Entity {
  line += 1;
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: {
      name,
      title,
      annotations: { 'techstack.dev/source-location': `guide.md#L${line}` },
    },
    spec: {
      ring,
      type: 'tool',
      owner: 'group:default/platform',
      layers: [{ section: 'Data Layer', layer, ring }],
      ...(ringReason ? { ringReason } : {}),
      ...(aliases ? { aliases } : {}),
    },
  };
}

const entities = [
  technology('postgresql', 'PostgreSQL', 'Relational', 'adopt'),
  technology('cockroachdb', 'CockroachDB', 'Relational', 'trial'),
  technology('tidb', 'TiDB', 'Relational', 'hold', 'No operational experience'),
  technology('redis', 'Redis', 'Key-Value', 'adopt'),
  technology('valkey', 'Valkey', 'Key-Value', 'assess'),
  technology('apache-kafka', 'Apache Kafka', 'Message Broker', 'trial', '', [
    'Kafka',
  ]),
  technology('kafka-streams', 'Kafka Streams', 'Message Broker', 'trial'),
];

/** A catalog API that answers `getEntities` with the entities above. */
function catalogApiMock(options: { entities: Entity[] }) {
  return {
    getEntities: jest.fn(async () => ({ items: options.entities })),
  } as any;
}

/** The scaffolder's recipes: Kafka Streams stated not applicable, CockroachDB and Valkey without one. */
const RECIPES: RecipeIndex = {
  recipes: [
    {
      technology: 'postgresql',
      aliases: ['PostgreSQL'],
      languages: ['typescript', 'python'],
      source: 'built-in recipes/postgresql.yaml',
    },
    {
      technology: 'redis',
      aliases: ['Redis'],
      languages: ['typescript'],
      source: 'built-in recipes/redis.yaml',
    },
    {
      technology: 'apache-kafka',
      aliases: ['Kafka'],
      languages: ['typescript'],
      source: 'built-in recipes/apache-kafka.yaml',
    },
  ],
  notApplicable: [
    {
      technology: 'kafka-streams',
      aliases: [],
      reason: 'a Java library for stream processing inside JVM services',
      source: 'built-in recipes/not-applicable.yaml',
    },
  ],
};

const uiSchema = {
  'ui:options': { layers: ['Relational', 'Key-Value', 'Message Broker'] },
};

async function renderPicker(
  formData?: Record<string, string>,
  getRecipes: () => Promise<RecipeIndex> = async () => RECIPES,
) {
  const onChange = jest.fn();
  const catalogApi = catalogApiMock({ entities });
  const techStackApi = { getRecipes } as any;
  const props = {
    onChange,
    formData,
    uiSchema,
    rawErrors: [],
    required: true,
    schema: { title: 'Technology stack' },
    idSchema: { $id: 'root_stack' },
  } as any;
  const { unmount } = await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApi],
        [techStackApiRef, techStackApi],
      ]}
    >
      <TechStackPicker {...props} />
    </TestApiProvider>,
  );
  return { onChange, catalogApi, unmount };
}

describe('TechStackPicker', () => {
  it('preselects the recommended technology of every layer', async () => {
    const { onChange } = await renderPicker();
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({
        Relational: 'postgresql',
        'Key-Value': 'redis',
        'Message Broker': 'apache-kafka',
      }),
    );
  });

  it('marks trial and assess with text and icon, and disables hold with its reason', async () => {
    const { onChange } = await renderPicker({
      Relational: 'cockroachdb',
      'Key-Value': 'redis',
      'Message Broker': 'apache-kafka',
    });
    const select = await screen.findByRole('button', { name: /Relational/ });
    expect(select).toHaveTextContent('CockroachDB (trial)');
    expect(within(select).getByTitle('trial')).toBeInTheDocument();
    expect(
      screen.getByText(
        /CockroachDB is in trial: allowed, with a warning; the adopted choice is PostgreSQL/,
      ),
    ).toBeInTheDocument();

    await userEvent.click(select);
    const listbox = await screen.findByRole('listbox');
    const hold = within(listbox).getByText('TiDB (hold)').closest('li')!;
    expect(hold).toHaveAttribute('aria-disabled', 'true');
    expect(
      within(hold).getByText('On hold: No operational experience'),
    ).toBeInTheDocument();
    expect(
      within(listbox).getByText('PostgreSQL (adopt) — recommended'),
    ).toBeInTheDocument();

    await userEvent.click(
      within(listbox).getByText('PostgreSQL (adopt) — recommended'),
    );
    expect(onChange).toHaveBeenLastCalledWith({
      Relational: 'postgresql',
      'Key-Value': 'redis',
      'Message Broker': 'apache-kafka',
    });
  });

  it('shows a given value in any spelling the catalog accepts as its technology', async () => {
    for (const given of [
      'ApacheKafka',
      'apache kafka',
      'Kafka',
      'Kafka Streams',
    ]) {
      const { unmount } = await renderPicker({
        Relational: 'postgresql',
        'Key-Value': 'redis',
        'Message Broker': given,
      });
      const select = await screen.findByRole('button', {
        name: /Message Broker/,
      });
      expect(select).toHaveTextContent(
        given === 'Kafka Streams'
          ? 'Kafka Streams (trial)'
          : 'Apache Kafka (trial)',
      );
      expect(
        screen.queryByText(/is not a technology of this layer/),
      ).toBeNull();
      unmount();
    }
  });

  it('marks the choices no recipe wires: recorded only, or not wired with the reason', async () => {
    await renderPicker({
      Relational: 'cockroachdb',
      'Key-Value': 'redis',
      'Message Broker': 'kafka-streams',
    });
    expect(
      await screen.findByText(
        /CockroachDB is in trial: allowed, with a warning; the adopted choice is PostgreSQL\. No recipe: recorded in catalog-info\.yaml only, not wired/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Not wired: a Java library for stream processing inside JVM services/,
      ),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Key-Value/ }));
    const listbox = await screen.findByRole('listbox');
    const valkey = within(listbox).getByText('Valkey (assess)').closest('li')!;
    expect(
      within(valkey).getByText(
        'No recipe: recorded in catalog-info.yaml only, not wired',
      ),
    ).toBeInTheDocument();
    // A choice with a recipe carries no such note.
    const redis = within(listbox)
      .getByText('Redis (adopt) — recommended')
      .closest('li')!;
    expect(within(redis).queryByText(/No recipe|Not wired/)).toBeNull();
  });

  it('works without the marks when the recipes cannot be read', async () => {
    await renderPicker(
      {
        Relational: 'cockroachdb',
        'Key-Value': 'redis',
        'Message Broker': 'apache-kafka',
      },
      async () => {
        throw new Error('404 Not Found');
      },
    );
    expect(
      await screen.findByText(/CockroachDB is in trial: allowed/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No recipe|Not wired/)).toBeNull();
  });

  it('shows a value that is not a technology of the layer as an error', async () => {
    await renderPicker({
      Relational: 'memcached',
      'Key-Value': 'redis',
      'Message Broker': 'apache-kafka',
    });
    expect(
      await screen.findByText('"memcached" is not a technology of this layer'),
    ).toBeInTheDocument();
  });
});

describe('techStackPickerValidation', () => {
  async function validate(value: Record<string, string> | undefined) {
    const errors: string[] = [];
    const apiHolder = { get: () => catalogApiMock({ entities }) } as any;
    await techStackPickerValidation(
      value,
      { addError: (m: string) => void errors.push(m) },
      { apiHolder, uiSchema },
    );
    return errors;
  }

  it('accepts adopt, trial and assess choices', async () => {
    expect(
      await validate({
        Relational: 'postgresql',
        'Key-Value': 'Valkey',
        'Message Broker': 'apache-kafka',
      }),
    ).toEqual([]);
  });

  it('accepts ApacheKafka, apache kafka and Kafka alike', async () => {
    for (const choice of ['ApacheKafka', 'apache kafka', 'Kafka']) {
      expect({
        choice,
        errors: await validate({
          Relational: 'postgresql',
          'Key-Value': 'redis',
          'Message Broker': choice,
        }),
      }).toEqual({ choice, errors: [] });
    }
  });

  it('rejects hold, unknown and missing choices, naming the layer', async () => {
    expect(
      await validate({ Relational: 'tidb', 'Key-Value': 'memcached' }),
    ).toEqual([
      'Relational: TiDB is on hold: No operational experience',
      'Key-Value: "memcached" is not a technology of this layer; choose one of Redis, Valkey',
      'Message Broker: choose a technology',
    ]);
  });
});
