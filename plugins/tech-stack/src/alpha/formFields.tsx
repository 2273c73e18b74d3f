import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * `scaffolder-form-field:tech-stack/tech-stack-picker` — the scaffolder field
 * `ui:field: TechStackPicker` of the new frontend system: the same component
 * and validation as the legacy `TechStackPickerFieldExtension`.
 */
export const techStackPickerFormField = FormFieldBlueprint.make({
  name: 'tech-stack-picker',
  params: {
    field: () =>
      import('./techStackPickerField').then(m => m.techStackPickerField),
  },
});
