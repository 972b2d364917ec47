import type { ClientCapabilities, CodeLens, Command, ServerCapabilities } from 'vscode-languageserver';
import { lensSpotsOf, resolveLens, type LensAction, type LensKind, type LensSpot } from '../engine/navigation/code-lens';
import type { Feature, ServerContext } from './feature';
import { currentWorkspaceFile, guarded, isOpenable } from './navigation-support';

/** The client command that shows a place: the arguments are its URI and range, as LSP writes them. */
export const REVEAL_LOCATION_COMMAND = 'kubeStateful.revealLocation';
/** The client command that opens the quick fixes at a place: its URI and range. */
export const QUICK_FIX_COMMAND = 'kubeStateful.showQuickFixes';

/** What a lens carries until it is resolved: which lens, of which file; never a value. */
interface LensData {
  uri: string;
  kind: LensKind;
}

/**
 * Code lenses above each StatefulSet: its governing Service, its pods, its claims and its
 * budget. Listing them costs nothing beyond the file; each is worked out when it comes into view.
 */
class CodeLenses implements Feature {
  private refreshes = false;
  private context!: ServerContext;

  capabilities(client: ClientCapabilities): ServerCapabilities {
    this.refreshes = client.workspace?.codeLens?.refreshSupport === true;
    return { codeLensProvider: { resolveProvider: true } };
  }

  register(context: ServerContext): void {
    this.context = context;
    const list = guarded<CodeLens[]>(context, 'Code lens');
    const resolve = guarded<CodeLens>(context, 'Code lens resolve');
    context.connection.onCodeLens((params) =>
      list(() => {
        const file = context.settings().codeLens ? context.currentFile(params.textDocument.uri) : undefined;
        return (file ? lensSpotsOf(file, context.workspace) : []).map((spot) => ({ range: spot.range, data: { uri: params.textDocument.uri, kind: spot.kind } satisfies LensData }));
      }, []),
    );
    context.connection.onCodeLensResolve((lens) => resolve(() => this.resolve(lens), { ...lens, command: { title: '', command: '' } }));
  }

  /** Asks the editor for the lenses again, as when they are turned on or off. */
  settingsChanged(): void {
    if (this.refreshes) void this.context.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  private resolve(lens: CodeLens): CodeLens {
    const data = lens.data as Partial<LensData> | undefined;
    const file = typeof data?.uri === 'string' ? currentWorkspaceFile(this.context, data.uri) : undefined;
    const spot: LensSpot | undefined = data?.kind ? { kind: data.kind, range: lens.range } : undefined;
    const resolved = file && spot && resolveLens(this.context.workspace, file, spot);
    return { ...lens, command: resolved ? commandOf(resolved.title, resolved.action) : { title: '', command: '' } };
  }
}

/** A lens without an action still needs a command to show: one with no id, which editors show as text. */
function commandOf(title: string, action: LensAction | undefined): Command {
  if (!action || !isOpenable(action.uri)) return { title, command: '' };
  return { title, command: action.kind === 'reveal' ? REVEAL_LOCATION_COMMAND : QUICK_FIX_COMMAND, arguments: [action.uri, action.range] };
}

export const codeLenses: Feature = new CodeLenses();
