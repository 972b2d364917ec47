import type { KindMap, KubernetesObject, Resource } from './document/resource';
import type { SourceFile } from './document/source-file';
import type { Report, Severity } from './types';
import type { Workspace } from './workspace/workspace';

/** Markdown for the rule's section of docs/rules.md. */
export interface RuleDocs {
  /** Why the problem matters, in a paragraph or two. */
  rationale: string;
  /** A manifest excerpt that triggers the rule. */
  bad?: string;
  /** The same excerpt, repaired. */
  good?: string;
}

interface RuleMeta {
  /** Stable id: users put it in settings and suppression comments. Never rename one. */
  id: string;
  severity: Severity;
  /** One line, shown in rule lists. */
  description: string;
  docs: RuleDocs;
}

export interface FileContext {
  file: SourceFile;
  workspace: Workspace;
}

export interface ResourceContext<T> {
  resource: Resource<T & { kind?: string }>;
  /** The namespace the object will live in (its own or the configured default). */
  namespace: string;
  /**
   * The object is a kustomize patch: report only what it sets, never what it leaves out, since
   * the base supplies that.
   */
  partial: boolean;
  workspace: Workspace;
}

/** A rule over a whole file, such as its YAML syntax. */
export interface FileRule extends RuleMeta {
  scope: 'file';
  check(context: FileContext): Report[];
}

/** A rule over each object of one kind. */
export interface ResourceRule<K extends keyof KindMap = keyof KindMap> extends RuleMeta {
  scope: 'resource';
  kind: K;
  check(context: ResourceContext<KindMap[K]>): Report[];
}

/** A rule over every object of a file, whatever its kind, such as the schema checks. */
export interface ObjectRule extends RuleMeta {
  scope: 'object';
  check(context: ResourceContext<KubernetesObject>): Report[];
}

export type Rule = FileRule | ObjectRule | { [K in keyof KindMap]: ResourceRule<K> }[keyof KindMap];

export function defineResourceRule<K extends keyof KindMap>(rule: Omit<ResourceRule<K>, 'scope'>): ResourceRule<K> {
  return { ...rule, scope: 'resource' };
}

export function defineObjectRule(rule: Omit<ObjectRule, 'scope'>): ObjectRule {
  return { ...rule, scope: 'object' };
}

export function defineFileRule(rule: Omit<FileRule, 'scope'>): FileRule {
  return { ...rule, scope: 'file' };
}
