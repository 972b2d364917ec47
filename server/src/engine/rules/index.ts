import type { Rule } from '../rule';
import { duplicateKey } from './duplicate-key';
import { fileTooLarge } from './file-too-large';
import { helmRenderError } from './helm-render-error';
import { helmSubchartPacked } from './helm-subchart-packed';
import { kustomizeInvalid } from './kustomize-invalid';
import { kustomizeNotBuilt } from './kustomize-not-built';
import { kustomizePathNotFound } from './kustomize-path-not-found';
import { patchReplacesClaimTemplates } from './patch-replaces-claim-templates';
import { patchTargetNotFound } from './patch-target-not-found';
import { helmTemplate } from './helm-template';
import { helmValuesUndefined } from './helm-values-undefined';
import { requiredFieldMissing } from './required-field-missing';
import { selectorTemplateMismatch } from './selector-template-mismatch';
import { serviceNameInvalid } from './service-name-invalid';
import { serviceNameMissing } from './service-name-missing';
import { serviceNamespaceMismatch } from './service-namespace-mismatch';
import { serviceNotFound } from './service-not-found';
import { serviceNotHeadless } from './service-not-headless';
import { serviceSelectorMismatch } from './service-selector-mismatch';
import { typeMismatch } from './type-mismatch';
import { unknownField } from './unknown-field';
import { yamlSyntax } from './yaml-syntax';
import { antiAffinityMissing } from './anti-affinity-missing';
import { partitionBlocksRollout } from './partition-blocks-rollout';
import { pdbMissing } from './pdb-missing';
import { probePortNotExposed } from './probe-port-not-exposed';
import { replicasWithHpa } from './replicas-with-hpa';
import { revisionHistoryLimitNegative } from './revision-history-limit-negative';
import { secretRefNotFound } from './secret-ref-not-found';
import { terminationGraceZero } from './termination-grace-zero';
import { vctShadowsVolume } from './vct-shadows-volume';
import { vctUnmounted } from './vct-unmounted';
import { activeDeadlineForbidden } from './active-deadline-forbidden';
import { apiVersionRemoved } from './api-version-removed';
import { invalidEnumValue } from './invalid-enum-value';
import { invalidName } from './invalid-name';
import { maxUnavailableInvalid } from './max-unavailable-invalid';
import { nameTooLong } from './name-too-long';
import { negativeValue } from './negative-value';
import { restartPolicyNotAlways } from './restart-policy-not-always';
import { rollingUpdateWithOnDelete } from './rolling-update-with-on-delete';
import { selectorEmpty } from './selector-empty';
import { selectorInvalid } from './selector-invalid';
import { inlineSecret } from './inline-secret';
import { containersMissing } from './containers-missing';
import { duplicateMountPath } from './duplicate-mount-path';
import { duplicateName } from './duplicate-name';
import { envValueConflict } from './env-value-conflict';
import { probeInvalid } from './probe-invalid';
import { resourcesRequestExceedsLimit } from './resources-request-exceeds-limit';
import { secretRefInvalid } from './secret-ref-invalid';
import { vctAccessModesMissing } from './vct-access-modes-missing';
import { vctReleaseLabels } from './vct-release-labels';
import { vctStorageMissing } from './vct-storage-missing';
import { volumeMountNotFound } from './volume-mount-not-found';
import { imageTagUnpinned } from './image-tag-unpinned';
import { immutableFieldChanged } from './immutable-field-changed';

/** Every rule, in the order of docs/rules.md. */
export const rules: readonly Rule[] = [
  yamlSyntax,
  duplicateKey,
  helmTemplate,
  helmValuesUndefined,
  helmRenderError,
  helmSubchartPacked,
  kustomizePathNotFound,
  kustomizeInvalid,
  kustomizeNotBuilt,
  patchTargetNotFound,
  patchReplacesClaimTemplates,
  fileTooLarge,
  unknownField,
  typeMismatch,
  requiredFieldMissing,
  serviceNameMissing,
  serviceNameInvalid,
  serviceNotFound,
  serviceNamespaceMismatch,
  serviceNotHeadless,
  serviceSelectorMismatch,
  selectorTemplateMismatch,
  partitionBlocksRollout,
  revisionHistoryLimitNegative,
  terminationGraceZero,
  vctUnmounted,
  vctShadowsVolume,
  probePortNotExposed,
  secretRefNotFound,
  replicasWithHpa,
  pdbMissing,
  antiAffinityMissing,
  apiVersionRemoved,
  invalidName,
  nameTooLong,
  selectorEmpty,
  selectorInvalid,
  negativeValue,
  invalidEnumValue,
  rollingUpdateWithOnDelete,
  maxUnavailableInvalid,
  restartPolicyNotAlways,
  activeDeadlineForbidden,
  inlineSecret,
  containersMissing,
  duplicateName,
  duplicateMountPath,
  volumeMountNotFound,
  vctAccessModesMissing,
  vctStorageMissing,
  vctReleaseLabels,
  envValueConflict,
  secretRefInvalid,
  resourcesRequestExceedsLimit,
  probeInvalid,
  imageTagUnpinned,
  immutableFieldChanged,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
