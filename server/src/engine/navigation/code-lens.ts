import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { resourceAt } from '../document/locate';
import type { Resource } from '../document/resource';
import type { SourceFile } from '../document/source-file';
import { isMapping } from '../document/values';
import { spanOf } from '../document/yaml-nodes';
import { factsOf, podAt } from '../hover/statefulset-facts';
import { governingService, serviceNameRange } from '../kubernetes/governing-service';
import { claimTemplatesOf } from '../kubernetes/pod-template';
import type { Range } from '../types';
import { folderOf, relativeTo } from '../kustomize/files';
import { proximity } from '../workspace/proximity';
import type { BuiltOutput, Workspace } from '../workspace/workspace';
import { objectExtent, valuePlace, type Place } from './places';
import { placeInSource } from './through-render';
import { selectorsOf } from './resolve';

/** What a lens above a StatefulSet tells: its governing Service, its pods, its claims, its budget. */
export type LensKind = 'service' | 'pods' | 'claims' | 'budget';

/** A lens before it is worked out: where it goes and what it will tell. */
export interface LensSpot {
  kind: LensKind;
  /** The StatefulSet's first line. */
  range: Range;
}

/** What clicking a lens does: show a place, or open the quick fixes at one. */
export type LensAction = { kind: 'reveal' | 'quick-fix'; uri: string; range: Range };

export interface Lens {
  title: string;
  action?: LensAction;
}

/**
 * The lenses of each StatefulSet of a file. A file that kustomize builds read tells of the
 * StatefulSet its nearest build makes of it, since a patch or a base alone lacks what the
 * overlays add.
 */
export function lensSpotsOf(file: SourceFile, workspace?: Workspace): LensSpot[] {
  return file.resources.flatMap((resource) => {
    if (!resource.is('StatefulSet')) return [];
    const start = objectExtent(resource).start;
    const range = { start, end: start };
    const built = workspace && builtFrom(workspace, resource);
    const kinds: LensKind[] = claimTemplatesOf(built?.resource ?? resource).length > 0 ? ['service', 'pods', 'claims', 'budget'] : ['service', 'pods', 'budget'];
    return kinds.map((kind) => ({ kind, range }));
  });
}

/** Works a lens out from the workspace as it is now; undefined when its StatefulSet is gone. */
export function resolveLens(workspace: Workspace, file: SourceFile, spot: LensSpot): Lens | undefined {
  const written = resourceAt(file, file.offsetAt(spot.range.start));
  if (!written?.is('StatefulSet')) return undefined;
  const built = builtFrom(workspace, written);
  const resource = built?.resource ?? written;
  const seen = built ? workspace.scopedFor(built.build.file.uri) : workspace;
  const lens = lensOf(seen, resource, spot.kind);
  const action = lens.action && inSource(workspace, lens.action);
  const where = built && built.build.folder !== folderOf(file.uri) ? ` (in ${relativeTo(folderOf(file.uri), built.build.folder)})` : '';
  return { title: `${lens.title}${where}`, action };
}

function lensOf(workspace: Workspace, resource: Resource<StatefulSet>, kind: LensKind): Lens {
  switch (kind) {
    case 'service':
      return serviceLens(workspace, resource);
    case 'pods':
      return podsLens(workspace, resource);
    case 'claims':
      return claimsLens(resource);
    case 'budget':
      return budgetLens(workspace, resource);
  }
}

/** An action on a built object, moved to the line its value came from. */
function inSource(workspace: Workspace, action: LensAction): LensAction {
  const place: Place = { uri: action.uri, range: action.range, nameRange: undefined, extent: action.range };
  const moved = placeInSource(workspace, place);
  return { kind: action.kind, uri: moved.uri, range: moved.range };
}

/**
 * The StatefulSet that a build made from `resource`, from the build nearest its file: the
 * file's own kustomization first, then the overlays above it, nearest first.
 */
function builtFrom(workspace: Workspace, resource: Resource<StatefulSet>): { resource: Resource<StatefulSet>; build: BuiltOutput } | undefined {
  if (!workspace.isBuildInput(resource.uri)) return undefined;
  const span = spanOf(resource.node);
  if (!span) return undefined;
  const builds = workspace.buildsOf(resource.uri).sort((a, b) => proximity(resource.uri, b.templateUri) - proximity(resource.uri, a.templateUri));
  for (const build of builds) {
    for (const candidate of build.file.resources) {
      if (!candidate.is('StatefulSet')) continue;
      const output = spanOf(candidate.node);
      const origins = output ? build.origins.originsIn(output[0], output[1]) : [];
      if (origins.some(({ span: from }) => from.uri === resource.uri && from.start >= span[0] && from.start < span[1])) return { resource: candidate, build };
    }
  }
  return undefined;
}

function serviceLens(workspace: Workspace, resource: Resource<StatefulSet>): Lens {
  const governing = governingService(factsOf(resource, workspace).context);
  if (governing.state === 'found' && governing.headless) {
    if (!governing.selects) return { title: `Service ${governing.name} does not select these pods`, action: quickFixAt(resource) };
    const place = valuePlace(governing.service, ['metadata', 'name']);
    return { title: `governed by Service ${governing.name}`, action: place && { kind: 'reveal', uri: place.uri, range: place.range } };
  }
  if (governing.state === 'patch') return { title: `Service ${governing.name}, from the base` };
  return { title: 'no headless Service', action: quickFixAt(resource) };
}

/** The quick fixes of the service-* findings, which sit on `serviceName`. */
function quickFixAt(resource: Resource<StatefulSet>): LensAction {
  return { kind: 'quick-fix', uri: resource.uri, range: serviceNameRange(resource) };
}

function podsLens(workspace: Workspace, resource: Resource<StatefulSet>): Lens {
  const facts = factsOf(resource, workspace);
  const { replicas } = facts;
  if (replicas === undefined) return { title: facts.replicasWritten ? 'pods: replicas is not a whole number' : 'pods: replicas from the base' };
  if (replicas === 0) return { title: 'no pods' };
  const names = replicas === 1 ? podAt(facts, 0) : replicas === 2 ? `${podAt(facts, 0)}, ${podAt(facts, 1)}` : `${podAt(facts, 0)} … ${podAt(facts, replicas - 1)}`;
  return { title: `${replicas} ${replicas === 1 ? 'pod' : 'pods'}: ${names}` };
}

function claimsLens(resource: Resource<StatefulSet>): Lens {
  const templates = claimTemplatesOf(resource);
  const place = valuePlace(resource, [...templates[0].path, 'metadata', 'name']);
  const action: LensAction | undefined = place && { kind: 'reveal', uri: place.uri, range: place.range };
  if (templates.length > 1) return { title: `${templates.length} claims per pod`, action };
  const { metadata, spec } = templates[0].value;
  const name = typeof metadata?.name === 'string' ? metadata.name : 'a claim';
  const requests: unknown = isMapping(spec?.resources) ? spec.resources.requests : undefined;
  const storage = isMapping(requests) ? requests.storage : undefined;
  return { title: typeof storage === 'string' || typeof storage === 'number' ? `${name} ${storage}` : `${name}: no storage request`, action };
}

function budgetLens(workspace: Workspace, resource: Resource<StatefulSet>): Lens {
  const budget = selectorsOf(workspace, resource).find((object): object is Resource<PodDisruptionBudget> => object.is('PodDisruptionBudget'));
  if (!budget) return { title: 'PDB: none' };
  const spec = budget.object.spec;
  const limit = spec?.maxUnavailable !== undefined ? `maxUnavailable ${spec.maxUnavailable}` : spec?.minAvailable !== undefined ? `minAvailable ${spec.minAvailable}` : budget.name;
  const place = valuePlace(budget, ['metadata', 'name']);
  return { title: `PDB: ${limit}`, action: place && { kind: 'reveal', uri: place.uri, range: place.range } };
}
