import type { Location } from 'vscode-languageserver';
import { RENDERED_SUFFIX } from '../engine/derived/chart-uris';
import type { SourceFile } from '../engine/document/source-file';
import type { Place } from '../engine/navigation/places';
import type { ServerContext } from './feature';

/**
 * An open document's file, with every open editor's text put into the index first: an answer
 * that spans files must see the unsaved text of each, not only of the one asked about.
 */
export function currentWorkspaceFile(context: ServerContext, uri: string): SourceFile | undefined {
  for (const document of context.documents.all()) context.currentFile(document.uri);
  return context.currentFile(uri);
}

/**
 * The places an editor can open. A chart's rendered output is held as a file of its own that
 * exists nowhere; leading there from its template is left to the chart support.
 */
export function openable(places: readonly Place[]): Place[] {
  return places.filter((place) => isOpenable(place.uri));
}

export function isOpenable(uri: string): boolean {
  return !uri.endsWith(RENDERED_SUFFIX);
}

export function locationOf(place: Place): Location {
  return { uri: place.uri, range: place.range };
}

/**
 * Runs a request handler, logging its first failure once: a bug costs that answer, never the
 * server, and the editor gets `fallback`.
 */
export function guarded<T>(context: ServerContext, what: string): (compute: () => T, fallback: T) => T {
  let failed = false;
  return (compute, fallback) => {
    try {
      return compute();
    } catch (error) {
      if (!failed) context.connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      failed = true;
      return fallback;
    }
  };
}
