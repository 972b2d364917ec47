import { commands, env, languages, Uri, window, type Diagnostic, type Disposable, type ExtensionContext } from 'vscode';
import { ruleDocsUrl } from '../../../server/src/engine/rule-docs-url';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { rulesFromManifest, type RuleInfo } from '../rule-list';

export const SHOW_RULE_DOCUMENTATION = 'kubeStateful.showRuleDocumentation';

/**
 * Kube Stateful: Show Rule Documentation: the rule of the diagnostic under the cursor, a pick
 * among them when several overlap, or a pick among all rules; opened in the browser.
 * A rule id given as argument (from a link) opens that rule's page directly.
 */
export function registerShowRuleDocumentation(context: ExtensionContext): Disposable {
  return commands.registerCommand(SHOW_RULE_DOCUMENTATION, async (ruleId?: unknown) => {
    const rules = rulesFromManifest(context.extension.packageJSON);
    const id = typeof ruleId === 'string' ? ruleId : await chooseRule(rules);
    if (id) await env.openExternal(Uri.parse(ruleDocsUrl(id)));
  });
}

async function chooseRule(rules: readonly RuleInfo[]): Promise<string | undefined> {
  const underCursor = rulesUnderCursor();
  if (underCursor.length === 1) return underCursor[0];
  const candidates = underCursor.length > 1 ? rules.filter((rule) => underCursor.includes(rule.id)) : rules;
  const picked = await window.showQuickPick(
    candidates.map((rule) => ({
      label: rule.id,
      description: `default: ${rule.defaultLevel}`,
      detail: rule.description,
      id: rule.id,
    })),
    {
      title: 'Show Rule Documentation',
      placeHolder: underCursor.length > 1 ? 'Several problems are under the cursor: pick a rule' : 'Pick a rule to read about',
      matchOnDetail: true,
    },
  );
  return picked?.id;
}

/** The rules of the Kube Stateful diagnostics at the cursor of the active editor, each once. */
function rulesUnderCursor(): string[] {
  const editor = window.activeTextEditor;
  if (!editor) return [];
  const cursor = editor.selection.active;
  const ids = languages
    .getDiagnostics(editor.document.uri)
    .filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.range.contains(cursor))
    .map(ruleOf)
    .filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

function ruleOf(diagnostic: Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}
