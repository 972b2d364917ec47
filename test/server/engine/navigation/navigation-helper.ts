import type { SourceFile } from '../../../../server/src/engine/document/source-file';
import type { Place } from '../../../../server/src/engine/navigation/places';
import type { Position, Range } from '../../../../server/src/engine/types';
import type { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { positionOf } from '../../../helpers/positions';
import { fixtureUri, workspaceOf } from '../../../helpers/rule-tester';

const ROOT = fixtureUri('navigation/');

/** The orders-db project, the same names in namespace staging, and a farther Service of the same name. */
export const ORDERS_FILES = [
  'navigation/orders/statefulset-orders-db.yaml',
  'navigation/orders/service-orders-db.yaml',
  'navigation/orders/secrets-and-config-maps.yaml',
  'navigation/orders/budget-and-autoscaler.yaml',
  'navigation/orders/claim-and-service-account.yaml',
  'navigation/cluster/storage-class-fast-ssd.yaml',
  'navigation/staging/same-names-in-staging.yaml',
  'navigation/other-project/service-orders-db-farther.yaml',
];

export function ordersWorkspace(): Workspace {
  return workspaceOf(ORDERS_FILES);
}

/** The file below test/fixtures/navigation and the position of the `occurrence`-th `needle` in it, moved by `shift`. */
export function cursor(workspace: Workspace, file: string, needle: string, occurrence = 0, shift = 0): { file: SourceFile; position: Position } {
  const source = workspace.get(`${ROOT}${file}`)!;
  return { file: source, position: positionOf(source.text, needle, shift, occurrence) };
}

/** `orders/service-orders-db.yaml:4 orders-db`: a place's file, 1-based line and text, as a reader checks them. */
export function shown(workspace: Workspace, places: readonly Place[]): string[] {
  return places.map((place) => `${place.uri.slice(ROOT.length)}:${place.range.start.line + 1} ${textOf(workspace, place.uri, place.range)}`);
}

export function textOf(workspace: Workspace, uri: string, range: Range): string {
  const file = workspace.get(uri)!;
  return file.text.slice(file.offsetAt(range.start), file.offsetAt(range.end));
}
