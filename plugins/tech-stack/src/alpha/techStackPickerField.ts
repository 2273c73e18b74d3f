import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  TechStackPicker,
  techStackPickerValidation,
} from '../components/TechStackPicker';

/** The `TechStackPicker` field as the new frontend system's scaffolder loads it. */
export const techStackPickerField = createFormField({
  name: 'TechStackPicker',
  component: TechStackPicker,
  validation: techStackPickerValidation,
});
