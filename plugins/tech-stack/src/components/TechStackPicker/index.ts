export { TechStackPicker } from './TechStackPicker';
export { techStackPickerValidation } from './techStackPickerValidation';
export type {
  TechStackPickerFieldValidation,
  TechStackPickerUiOptions,
  TechStackPickerValue,
} from './techStackPickerValidation';
