import {
  DiagnosticSeverity,
  Disposable,
  languages,
  StatusBarAlignment,
  window,
  workspace,
  type StatusBarItem,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DIAGNOSTIC_SOURCE, INDEX_PROGRESS_NOTIFICATION } from './protocol';
import { indexingText, indexingTooltip, mentionsStatefulSet, statusText, statusTooltip, type ProblemCounts } from './problem-summary';

const OPEN_PROBLEMS = 'workbench.actions.view.problems';

/** Files read of those listed, while the server indexes the workspace. */
interface Indexing {
  indexed: number;
  total: number;
}

/**
 * A status bar item, on YAML files that hold a StatefulSet, with the number of problems Kube
 * Stateful found in the file; a click opens the Problems panel. While the server indexes the
 * workspace, it shows how far it got on any file, since cross-file findings are not final yet.
 */
export function registerProblemStatus(client: BaseLanguageClient): Disposable {
  const item = window.createStatusBarItem('kubeStateful.problems', StatusBarAlignment.Right, 100);
  item.name = 'Kube Stateful Problems';
  item.command = OPEN_PROBLEMS;
  let indexing: Indexing | undefined;
  const update = () => (indexing ? showIndexing(item, indexing) : refresh(item));
  update();
  return Disposable.from(
    item,
    client.onNotification(INDEX_PROGRESS_NOTIFICATION, (params: Indexing & { done?: boolean }) => {
      indexing = params.done ? undefined : { indexed: params.indexed, total: params.total };
      update();
    }),
    // A server that stopped mid-way never says it is done: its count must not stay behind.
    client.onDidChangeState(() => {
      indexing = undefined;
      update();
    }),
    window.onDidChangeActiveTextEditor(update),
    workspace.onDidOpenTextDocument(update),
    workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('kubeStateful.enable') && update()),
    languages.onDidChangeDiagnostics((event) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (event.uris.some((uri) => uri.toString() === active)) update();
    }),
  );
}

function showIndexing(item: StatusBarItem, { indexed, total }: Indexing): void {
  item.text = indexingText(indexed, total);
  item.tooltip = indexingTooltip(indexed, total);
  item.accessibilityInformation = { label: indexingTooltip(indexed, total) };
  item.show();
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
