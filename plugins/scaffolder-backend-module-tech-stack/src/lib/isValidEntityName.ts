import { KubernetesValidatorFunctions } from '@backstage/catalog-model';

/** Is `name` a valid `metadata.name` of a catalog entity (and so a safe folder name)? */
export function isValidEntityName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    KubernetesValidatorFunctions.isValidObjectName(name)
  );
}
