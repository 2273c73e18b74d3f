import type { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import type { FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import {
  formFieldsApiRef,
  Stepper,
} from '@backstage/plugin-scaffolder-react/alpha';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import useAsync from 'react-use/esm/useAsync';
import { techStackPickerValidation } from '../components/TechStackPicker';
import { techStackPlugin } from './plugin';

function technology(
  name: string,
  title: string,
  layer: string,
  ring: 'adopt' | 'trial' | 'assess' | 'hold',
  ringReason?: string,
): Entity {
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: { name, namespace: 'default', title },
    spec: {
      ring,
      type: 'tool',
      owner: 'group:default/platform',
      layers: [{ section: 'Data Layer', layer, ring }],
      ...(ringReason ? { ringReason } : {}),
    },
  };
}

const technologies = [
  technology('postgresql', 'PostgreSQL', 'Relational', 'adopt'),
  technology('cockroachdb', 'CockroachDB', 'Relational', 'trial'),
  technology('tidb', 'TiDB', 'Relational', 'hold', 'No operational experience'),
  technology('redis', 'Redis', 'Key-Value', 'adopt'),
];

/** The "Technology stack" step of the example templates. */
const manifest = {
  title: 'Service',
  steps: [
    {
      title: 'Technology stack',
      schema: {
        required: ['stack'],
        properties: {
          stack: {
            title: 'Stack',
            description:
              'One technology per layer; the recommended (adopt) one is preselected',
            type: 'object',
            'ui:field': 'TechStackPicker',
            'ui:options': { layers: ['Relational', 'Key-Value'] },
          },
        },
      },
    },
  ],
};

/**
 * The scaffolder's template form as its templates page builds it: the form
 * fields come from the scaffolder's own form-fields API, which collects every
 * `scaffolder-form-field` extension of the app.
 */
function TemplateForm(props: {
  onFields?: (fields: FieldExtensionOptions[]) => void;
}) {
  const formFieldsApi = useApi(formFieldsApiRef);
  const { value: fields } = useAsync(() => formFieldsApi.loadFormFields());
  if (!fields) return null;
  props.onFields?.(fields as unknown as FieldExtensionOptions[]);
  return (
    <Stepper
      manifest={manifest}
      extensions={fields as unknown as FieldExtensionOptions[]}
      onCreate={jest.fn()}
    />
  );
}

async function renderTemplateForm(
  withTechStack = true,
  onFields?: (fields: FieldExtensionOptions[]) => void,
) {
  await renderInTestApp(<TemplateForm onFields={onFields} />, {
    features: withTechStack
      ? [scaffolderPlugin, techStackPlugin]
      : [scaffolderPlugin],
    apis: [[catalogApiRef, catalogApiMock({ entities: technologies })]],
  });
}

// The whole scaffolder form renders in jsdom: seconds on a busy 2-core machine.
jest.setTimeout(30_000);

describe('scaffolder-form-field:tech-stack/tech-stack-picker', () => {
  it('renders the TechStackPicker in the Technology stack step, adopt preselected, hold disabled', async () => {
    await renderTemplateForm();

    const relational = await screen.findByRole('button', {
      name: /Relational/,
    });
    expect(relational).toHaveTextContent('PostgreSQL (adopt)');
    expect(screen.getByRole('button', { name: /Key-Value/ })).toHaveTextContent(
      'Redis (adopt)',
    );

    await userEvent.click(relational);
    const options = within(await screen.findByRole('listbox'));
    expect(
      options.getByRole('option', { name: /TiDB \(hold\)/ }),
    ).toHaveAttribute('aria-disabled', 'true');
    expect(
      options.getByRole('option', { name: /CockroachDB \(trial\)/ }),
    ).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('is what makes the step more than an empty "Stack" heading', async () => {
    await renderTemplateForm(false);
    expect(await screen.findByText('Stack')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Relational/ }),
    ).not.toBeInTheDocument();
  });

  it("validates with the legacy field extension's validation", async () => {
    const onFields = jest.fn();
    await renderTemplateForm(true, onFields);
    await screen.findByRole('button', { name: /Relational/ });
    const fields: FieldExtensionOptions[] = onFields.mock.calls[0][0];
    const picker = fields.filter(f => f.name === 'TechStackPicker');
    expect(picker).toHaveLength(1);
    expect(picker[0].validation).toBe(techStackPickerValidation);
  });
});
