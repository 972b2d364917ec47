import { isAlias, isMap, type Document, type Node, type Pair } from 'yaml';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { ConfigMap, PersistentVolumeClaim, Secret, Service } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Range } from '../types';
import type { TextFile } from './text-file';
import { childOf, lookupPair, resolveNode, spanOf, type PathSegment } from './yaml-nodes';

export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** The end of a path: its node, its pair when the last step is a key, and where it first left this object's own text. */
interface PathEnd {
  node: Node | undefined;
  pair?: Pair<Node, Node | null>;
  /** The span of the alias or `<<` value the path went through first, if any. */
  entry?: [number, number];
}

/** Where a field sits in the source: the key, the value, and both together. */
export interface FieldLocation {
  key: Range;
  value: Range | undefined;
  pair: Range;
  /** The value's node as written: an alias stays an alias. */
  valueNode: Node | undefined;
}

/**
 * What an object says, without where it says it: enough to index it by what it provides to
 * and reads from others. A `Resource` is one; so is an object read by the light index.
 */
export interface ObjectContent<T extends KubernetesObject = KubernetesObject> {
  readonly object: T;
  readonly kind: string;
  readonly name: string;
  is<K extends keyof KindMap>(kind: K): this is ObjectContent<KindMap[K]>;
}

/** An object's content alone, as read by the light index (see `light-scan.ts`). */
export class PlainObject<T extends KubernetesObject = KubernetesObject> implements ObjectContent<T> {
  constructor(readonly object: T) {}

  get kind(): string {
    return textOf(this.object.kind) ?? '';
  }

  get name(): string {
    return textOf(this.object.metadata?.name) ?? '';
  }

  is<K extends keyof KindMap>(kind: K): this is PlainObject<KindMap[K]> {
    return this.kind === kind;
  }
}

/**
 * One Kubernetes object of a file with typed access to its content and exact source
 * ranges for any of its fields. `T` is the kubernetes-types interface for the kind;
 * values come from user text, so rules must still check what they read.
 */
export class Resource<T extends KubernetesObject = KubernetesObject> implements ObjectContent<T> {
  constructor(
    private readonly host: NodeHost,
    private readonly parsed: Document,
    private readonly root: Node,
    readonly object: T,
  ) {}

  /** The file as it now is; an object outlives edits to other documents of its file. */
  get file(): TextFile {
    return this.host.file;
  }

  get document(): Document {
    this.host.settle();
    return this.parsed;
  }

  /** The mapping node of this object: the document root, or an item of a `kind: List`. */
  get node(): Node {
    this.host.settle();
    return this.root;
  }

  get uri(): string {
    return this.file.uri;
  }

  get kind(): string {
    return textOf(this.object.kind) ?? '';
  }

  get apiVersion(): string {
    return textOf(this.object.apiVersion) ?? '';
  }

  get name(): string {
    return textOf(this.object.metadata?.name) ?? '';
  }

  /** The namespace written in the manifest, if any. */
  get namespace(): string | undefined {
    return textOf(this.object.metadata?.namespace) || undefined;
  }

  is<K extends keyof KindMap>(kind: K): this is Resource<KindMap[K]> {
    return this.kind === kind;
  }

  /**
   * Follows a path down from this object, through aliases and merge keys; undefined where it
   * stops. A merged key is not written in its mapping, and an anchor may belong to another
   * object (another item of a `kind: List`): the path then enters this object's text at the
   * alias or `<<` value.
   */
  private walk(path: readonly PathSegment[]): PathEnd | undefined {
    let end: PathEnd = { node: this.node };
    for (const segment of path) {
      const entry = end.entry ?? (isAlias(end.node) && !this.holds(resolveNode(this.document, end.node)) ? spanOf(end.node) : undefined);
      if (typeof segment === 'number') {
        const node = childOf(this.document, end.node, segment);
        if (!node) return undefined;
        end = { node, entry };
      } else {
        const found = lookupPair(this.document, end.node, segment);
        if (!found) return undefined;
        end = { node: found.pair.value ?? undefined, pair: found.pair, entry: entry ?? spanOf(found.mergedThrough) };
      }
    }
    return end;
  }

  /** Whether a node is written inside this object. */
  private holds(node: Node | undefined): boolean {
    const [inner, outer] = [spanOf(node), spanOf(this.node)];
    return inner !== undefined && outer !== undefined && inner[0] >= outer[0] && inner[1] <= outer[1];
  }

  /** The YAML node at a path below this object, seen through aliases and merge keys. */
  nodeAt(path: readonly PathSegment[]): Node | undefined {
    return this.walk(path)?.node;
  }

  /**
   * Key and value ranges of the field at `path` (its last segment is a mapping key). A field
   * reached through an alias or a `<<` merge is written elsewhere, maybe in another object: its
   * ranges are those of the alias or merge value here, where this object takes it in.
   */
  field(path: readonly PathSegment[]): FieldLocation | undefined {
    const found = typeof path[path.length - 1] === 'string' ? this.walk(path) : undefined;
    const keySpan = spanOf(found?.pair?.key);
    if (!found?.pair || !keySpan) return undefined;
    const valueNode = found.pair.value ?? undefined;
    if (found.entry) {
      const entry = this.file.rangeOf(found.entry[0], found.entry[1]);
      return { key: entry, value: entry, pair: entry, valueNode };
    }
    const valueSpan = spanOf(valueNode);
    return {
      key: this.file.rangeOf(keySpan[0], keySpan[1]),
      value: valueSpan && this.file.rangeOf(valueSpan[0], valueSpan[1]),
      pair: this.file.rangeOf(keySpan[0], valueSpan?.[1] ?? keySpan[1]),
      valueNode,
    };
  }

  /** The range of the deepest existing field along `path`, so a report lands near what is missing. */
  nearest(path: readonly PathSegment[]): Range {
    for (let length = path.length; length > 0; length--) {
      const prefix = path.slice(0, length);
      const location = this.field(prefix);
      if (location) return location.key;
      const found = this.walk(prefix);
      const span = found?.entry ?? spanOf(found?.node);
      if (span) return this.file.rangeOf(span[0], span[1]);
    }
    const kind = this.field(['kind']);
    const span = spanOf(this.node);
    return kind?.pair ?? this.file.rangeOf(span?.[0] ?? 0, span?.[0] ?? 0);
  }
}

/** The kubernetes-types interface of each kind the rules read. */
export interface KindMap {
  StatefulSet: StatefulSet;
  Service: Service;
  Secret: Secret;
  ConfigMap: ConfigMap;
  PersistentVolumeClaim: PersistentVolumeClaim;
  PodDisruptionBudget: PodDisruptionBudget;
  HorizontalPodAutoscaler: HorizontalPodAutoscaler;
  StorageClass: StorageClass;
}

/**
 * What holds an object's nodes: the file they are in, and a way to bring their offsets up to
 * date with the file's text before they are read.
 */
export interface NodeHost {
  readonly file: TextFile;
  settle(): void;
}

/** The host of nodes parsed from the file's current text, whose offsets are already right. */
export function currentTextOf(file: TextFile): NodeHost {
  return { file, settle: () => undefined };
}

/** The objects of one parsed document: itself, or the items of a `kind: List`. */
export function resourcesOf(host: NodeHost, document: Document, value: unknown): Resource[] {
  if (!isObjectManifest(value) || !isMap(document.contents)) return [];
  if (value.kind === 'List' && Array.isArray((value as { items?: unknown }).items)) {
    const items = (value as { items: unknown[] }).items;
    return items.flatMap((item, index) => {
      const node = childOf(document, document.contents, 'items');
      const itemNode = node && childOf(document, node, index);
      return isObjectManifest(item) && itemNode ? [new Resource(host, document, itemNode, item)] : [];
    });
  }
  return [new Resource(host, document, document.contents, value)];
}

/** The objects of one document's value, as `resourcesOf` finds them, without their nodes. */
export function objectsOf(value: unknown): PlainObject[] {
  if (!isObjectManifest(value)) return [];
  if (value.kind !== 'List' || !Array.isArray((value as { items?: unknown }).items)) return [new PlainObject(value)];
  return (value as { items: unknown[] }).items.filter(isObjectManifest).map((item) => new PlainObject(item));
}

function isObjectManifest(value: unknown): value is KubernetesObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { apiVersion, kind } = value as Record<string, unknown>;
  return typeof apiVersion === 'string' && typeof kind === 'string' && kind.length > 0;
}

/** A scalar written by the user as text; numbers and booleans are read as they were typed. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
