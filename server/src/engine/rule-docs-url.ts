const RULES_PAGE = 'https://github.com/kube-stateful/kube-stateful/blob/main/docs/rules.md';

/** The rule's section of docs/rules.md, whose headings are the rule ids. */
export function ruleDocsUrl(ruleId: string): string {
  return `${RULES_PAGE}#${ruleId}`;
}
