import { isMap, type Document, type Node } from 'yaml';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { ConfigMap, PersistentVolumeClaim, Secret, Service } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Range } from './types';
import type { SourceFile } from './source-file';
import { childOf, pairOf, spanOf, type PathSegment } from './yaml-nodes';

export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** Where a field sits in the source: the key, the value, and both together. */
export interface FieldLocation {
  key: Range;
  value: Range | undefined;
  pair: Range;
}

/**
 * One Kubernetes object of a file with typed access to its content and exact source
 * ranges for any of its fields. `T` is the kubernetes-types interface for the kind;
 * values come from user text, so rules must still check what they read.
 */
export class Resource<T extends KubernetesObject = KubernetesObject> {
  constructor(
    readonly file: SourceFile,
    readonly document: Document,
    /** The mapping node of this object: the document root, or an item of a `kind: List`. */
    readonly node: Node,
    readonly object: T,
  ) {}

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

  /** The YAML node at a path below this object, seen through aliases. */
  nodeAt(path: readonly PathSegment[]): Node | undefined {
    let node: Node | undefined = this.node;
    for (const segment of path) {
      node = childOf(this.document, node, segment);
      if (!node) return undefined;
    }
    return node;
  }

  /** Key and value ranges of the field at `path` (its last segment is a mapping key). */
  field(path: readonly PathSegment[]): FieldLocation | undefined {
    const key = path[path.length - 1];
    if (typeof key !== 'string') return undefined;
    const parent = this.nodeAt(path.slice(0, -1));
    const pair = parent && pairOf(this.document, parent, key);
    const keySpan = spanOf(pair?.key);
    if (!pair || !keySpan) return undefined;
    const valueSpan = spanOf(pair.value);
    return {
      key: this.file.rangeOf(keySpan[0], keySpan[1]),
      value: valueSpan && this.file.rangeOf(valueSpan[0], valueSpan[1]),
      pair: this.file.rangeOf(keySpan[0], valueSpan?.[1] ?? keySpan[1]),
    };
  }

  /** The range of the deepest existing field along `path`, so a report lands near what is missing. */
  nearest(path: readonly PathSegment[]): Range {
    for (let length = path.length; length > 0; length--) {
      const prefix = path.slice(0, length);
      const location = this.field(prefix);
      if (location) return location.key;
      const node = this.nodeAt(prefix);
      const span = spanOf(node);
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

/** The objects of one parsed document: itself, or the items of a `kind: List`. */
export function resourcesOf(file: SourceFile, document: Document, value: unknown): Resource[] {
  if (!isObjectManifest(value) || !isMap(document.contents)) return [];
  if (value.kind === 'List' && Array.isArray((value as { items?: unknown }).items)) {
    const items = (value as { items: unknown[] }).items;
    return items.flatMap((item, index) => {
      const node = childOf(document, document.contents, 'items');
      const itemNode = node && childOf(document, node, index);
      return isObjectManifest(item) && itemNode ? [new Resource(file, document, itemNode, item)] : [];
    });
  }
  return [new Resource(file, document, document.contents, value)];
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
