import type { SourceFile } from '../document/source-file';
import { ruleDocsUrl } from '../rule-docs-url';
import { ruleById } from '../rules';
import type { Range } from '../types';
import { suppressedRuleIds } from '../workspace/suppressions';

/** Each known rule id in the suppression comments of a file, linked to the rule's documentation. */
export function ruleLinksOf(file: SourceFile): { range: Range; target: string; ruleId: string }[] {
  return suppressedRuleIds(file.text)
    .filter(({ id }) => ruleById(id) !== undefined)
    .map(({ id, start, end }) => ({ range: file.rangeOf(start, end), target: ruleDocsUrl(id), ruleId: id }));
}
