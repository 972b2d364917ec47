import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { analyze } from '../engine/analyze';
import { fixAll, fixById, fixesFor, type Fix, type WorkspaceChange } from '../engine/fixes';
import type { Finding } from '../engine/types';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import type { Feature, ServerContext } from './feature';
import { currentWorkspaceFile } from './navigation-support';
import { editSupportOf, toWorkspaceEdit, type EditSupport } from './workspace-edit';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kube-stateful`;

/** What a quick fix carries to be computed on resolve: where its finding is, never any value. */
interface ResolveData {
  uri: string;
  ruleId: string;
  range: Range;
  message: string;
  fixId: string;
}

/**
 * Quick fixes for the server's diagnostics and `source.fixAll.kube-stateful`. The engine
 * computes every edit; this module matches the client's diagnostics with current findings and
 * shapes the edits as the client can apply them.
 */
class CodeActions implements Feature {
  private support: EditSupport = { documentChanges: false, createFiles: false, snippets: false };
  private lazy = false;
  private literals = false;
  private context!: ServerContext;

  capabilities(client: ClientCapabilities): ServerCapabilities {
    const codeAction = client.textDocument?.codeAction;
    this.support = editSupportOf(client);
    this.literals = codeAction?.codeActionLiteralSupport !== undefined;
    // Edits are computed when the user picks a fix, from the text as it is then; listing the
    // fixes on every cursor move stays cheap, and no credential travels until it is applied.
    this.lazy = codeAction?.dataSupport === true && (codeAction.resolveSupport?.properties ?? []).includes('edit');
    return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true } };
  }

  register(context: ServerContext): void {
    this.context = context;
    // A failure of ours costs this answer only: the editor gets no action rather than an error.
    context.connection.onCodeAction((params) => attempt(() => this.actions(params), []));
    context.connection.onCodeActionResolve((action) => attempt(() => this.resolve(action), action));
  }

  private actions(params: CodeActionParams): CodeAction[] {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const wantsQuickFixes = !only || only.some((kind) => covers(kind, CodeActionKind.QuickFix));
    const wantsFixAll = only?.some((kind) => covers(kind, FIX_ALL_KIND)) === true;
    const asked = wantsQuickFixes ? params.context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE) : [];
    // Editors ask on every cursor move; most places have nothing of ours to fix.
    if (!this.literals || (asked.length === 0 && !wantsFixAll)) return [];
    const findings = this.findings(uri);
    if (!findings) return [];
    const actions: CodeAction[] = [];
    if (asked.length > 0) {
      const matched = new Map<Finding, Diagnostic>();
      for (const diagnostic of asked) {
        const finding = findings.find((candidate) => matches(candidate, diagnostic));
        if (finding) matched.set(finding, diagnostic);
      }
      const fixes = fixesFor(this.context.workspace, uri, [...matched.keys()], findings, { canCreateFiles: this.support.createFiles });
      for (const fix of fixes) {
        const action = this.actionOf(uri, fix, matched);
        if (action) actions.push(action);
      }
    }
    if (wantsFixAll) {
      const change = fixAll(this.context.workspace, uri, findings);
      const edit = change.edits.length > 0 ? toWorkspaceEdit(change, this.support, (target) => this.versionOf(target)) : undefined;
      if (edit) actions.push({ title: 'Fix all auto-fixable Kube Stateful problems', kind: FIX_ALL_KIND, edit });
    }
    return actions;
  }

  private actionOf(uri: string, fix: Fix, matched: Map<Finding, Diagnostic>): CodeAction | undefined {
    const action: CodeAction = {
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: fix.findings.map((finding) => matched.get(finding) ?? toDiagnostic(finding)),
      ...(fix.preferred ? { isPreferred: true } : {}),
    };
    const [finding] = fix.findings;
    if (this.lazy) {
      const data: ResolveData = { uri, ruleId: finding.ruleId, range: finding.range, message: finding.message, fixId: fix.id };
      return { ...action, data };
    }
    const edit = this.editOf(() => fix.change());
    return edit ? { ...action, edit } : undefined;
  }

  private resolve(action: CodeAction): CodeAction {
    const data = action.data as Partial<ResolveData> | undefined;
    if (!data || typeof data.uri !== 'string' || typeof data.fixId !== 'string') return action;
    const findings = this.findings(data.uri);
    const finding = findings?.find(
      (candidate) => candidate.ruleId === data.ruleId && candidate.message === data.message && sameRange(candidate.range, data.range),
    );
    if (!findings || !finding) return action;
    const fixId = data.fixId;
    const options = { canCreateFiles: this.support.createFiles };
    const edit = this.editOf(() => fixById(this.context.workspace, data.uri!, finding, findings, fixId, options)?.change());
    return edit ? { ...action, edit } : action;
  }

  /**
   * Current findings of an open document, as its diagnostics are computed. Every open editor's
   * text goes into the index first, since a fix may edit another open file.
   */
  private findings(uri: string): Finding[] | undefined {
    if (!this.context.settings().enable || !currentWorkspaceFile(this.context, uri)) return undefined;
    return analyze(this.context.workspace, uri);
  }

  private editOf(compute: () => WorkspaceChange | undefined) {
    let change: WorkspaceChange | undefined;
    try {
      change = compute();
    } catch {
      return undefined;
    }
    return change && toWorkspaceEdit(change, this.support, (uri) => this.versionOf(uri));
  }

  private versionOf(uri: string): number | null {
    return this.context.documents.get(uri)?.version ?? null;
  }
}

export const codeActions: Feature = new CodeActions();

/** Whether a requested kind includes `kind`: `source` covers `source.fixAll.kube-stateful`. */
function covers(requested: string, kind: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

function attempt<T>(compute: () => T, fallback: T): T {
  try {
    return compute();
  } catch {
    return fallback;
  }
}

function matches(finding: Finding, diagnostic: Diagnostic): boolean {
  return finding.ruleId === diagnostic.code && finding.message === diagnostic.message && sameRange(finding.range, diagnostic.range);
}

function sameRange(a: Range, b: Range | undefined): boolean {
  return (
    b !== undefined &&
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
