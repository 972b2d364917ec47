import {
  DiagnosticSeverity,
  Disposable,
  languages,
  StatusBarAlignment,
  window,
  workspace,
  type StatusBarItem,
} from 'vscode';
import { DIAGNOSTIC_SOURCE } from './protocol';
import { mentionsStatefulSet, statusText, statusTooltip, type ProblemCounts } from './problem-summary';

const OPEN_PROBLEMS = 'workbench.actions.view.problems';

/**
 * A status bar item, on YAML files that hold a StatefulSet, with the number of problems Kube
 * Stateful found in the file; a click opens the Problems panel.
 */
export function registerProblemStatus(): Disposable {
  const item = window.createStatusBarItem('kubeStateful.problems', StatusBarAlignment.Right, 100);
  item.name = 'Kube Stateful Problems';
  item.command = OPEN_PROBLEMS;
  const update = () => refresh(item);
  update();
  return Disposable.from(
    item,
    window.onDidChangeActiveTextEditor(update),
    workspace.onDidOpenTextDocument(update),
    workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('kubeStateful.enable') && update()),
    languages.onDidChangeDiagnostics((event) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (event.uris.some((uri) => uri.toString() === active)) update();
    }),
  );
}

function refresh(item: StatusBarItem): void {
  const document = window.activeTextEditor?.document;
  const enabled = workspace.getConfiguration('kubeStateful', document).get<boolean>('enable', true);
  if (!document || document.languageId !== 'yaml' || !enabled || !mentionsStatefulSet(document.getText())) {
    item.hide();
    return;
  }
  const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const diagnostic of languages.getDiagnostics(document.uri)) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    if (diagnostic.severity === DiagnosticSeverity.Error) counts.errors++;
    else if (diagnostic.severity === DiagnosticSeverity.Warning) counts.warnings++;
    else counts.infos++;
  }
  item.text = statusText(counts);
  item.tooltip = statusTooltip(counts);
  item.accessibilityInformation = { label: statusTooltip(counts) };
  item.show();
}
