import type { Rule } from '../rule';
import { duplicateKey } from './duplicate-key';
import { fileTooLarge } from './file-too-large';
import { helmTemplate } from './helm-template';
import { selectorTemplateMismatch } from './selector-template-mismatch';
import { serviceNameInvalid } from './service-name-invalid';
import { serviceNameMissing } from './service-name-missing';
import { serviceNamespaceMismatch } from './service-namespace-mismatch';
import { serviceNotFound } from './service-not-found';
import { serviceNotHeadless } from './service-not-headless';
import { serviceSelectorMismatch } from './service-selector-mismatch';
import { yamlSyntax } from './yaml-syntax';

/** Every rule, in the order of docs/rules.md. */
export const rules: readonly Rule[] = [
  yamlSyntax,
  duplicateKey,
  helmTemplate,
  fileTooLarge,
  serviceNameMissing,
  serviceNameInvalid,
  serviceNotFound,
  serviceNamespaceMismatch,
  serviceNotHeadless,
  serviceSelectorMismatch,
  selectorTemplateMismatch,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
