import type { ApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { TECHNOLOGY_KIND } from '@techstack/plugin-tech-stack-common';
import { findOption, layerOptions } from './layerOptions';

/**
 * Where a validation adds its messages (rjsf's `FieldValidation`).
 *
 * @public
 */
export interface TechStackPickerFieldValidation {
  /** Adds one message shown under the field. */
  addError(message: string): void;
}

/**
 * The value of the TechStackPicker field: layer → technology slug.
 *
 * @public
 */
export type TechStackPickerValue = Record<string, string>;

/**
 * The `ui:options` of the TechStackPicker field.
 *
 * @public
 */
export interface TechStackPickerUiOptions {
  /** The layers to choose a technology for, as the guide names them. */
  layers?: string[];
}

/**
 * Validates a TechStackPicker value against the catalog: every configured
 * layer needs a technology of that layer that is not on hold. Each message
 * names the layer.
 *
 * @public
 */
export async function techStackPickerValidation(
  value: TechStackPickerValue | undefined,
  validation: TechStackPickerFieldValidation,
  context: { apiHolder: ApiHolder; uiSchema?: { 'ui:options'?: unknown } },
): Promise<void> {
  const options = context.uiSchema?.['ui:options'] as
    | TechStackPickerUiOptions
    | undefined;
  const configured = Array.isArray(options?.layers) ? options!.layers : [];
  const chosen = value ?? {};
  const layers = [...new Set([...configured, ...Object.keys(chosen)])];
  if (layers.length === 0) {
    return;
  }
  const catalogApi = context.apiHolder.get(catalogApiRef);
  if (!catalogApi) {
    return;
  }
  const { items } = await catalogApi.getEntities({
    filter: { kind: TECHNOLOGY_KIND },
  });
  for (const layer of layerOptions(items, layers)) {
    const choice = chosen[layer.layer];
    if (!choice) {
      validation.addError(`${layer.layer}: choose a technology`);
      continue;
    }
    const option = findOption(layer, choice);
    if (!option) {
      validation.addError(
        `${
          layer.layer
        }: "${choice}" is not a technology of this layer; choose one of ${
          layer.options
            .filter(o => o.ring !== 'hold')
            .map(o => o.title)
            .join(', ') || 'none'
        }`,
      );
    } else if (option.ring === 'hold') {
      validation.addError(
        `${layer.layer}: ${option.title} is on hold${
          option.reason ? `: ${option.reason}` : ''
        }`,
      );
    }
  }
}
