import { RE2JS } from 're2js';
import type { LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { labelSelectorSelects, labelsOf } from '../kubernetes/label-selector';
import { groupVersionOf, kindOf, nameOf, namespaceOf, originalNameOf, originalNamespaceOf, type BuildResource } from './resource';
import { at, textAt, toData, type Tree } from './tree';

/** A patch `target`: each field an anchored regular expression, plus label and annotation selectors. */
export interface Target {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly annotationSelector?: string;
}

export function targetOf(tree: Tree | undefined): Target | undefined {
  if (tree?.type !== 'map') return undefined;
  const field = (name: string) => textAt(tree, [name]);
  return {
    group: field('group'),
    version: field('version'),
    kind: field('kind'),
    name: field('name'),
    namespace: field('namespace'),
    labelSelector: field('labelSelector'),
    annotationSelector: field('annotationSelector'),
  };
}

/** Thrown for a target that kustomize cannot read: a bad regular expression or selector. */
export class TargetError extends Error {}

/**
 * Whether a target selects an object, as kustomize decides: the name and namespace may match
 * the original or the current one, the group, version and kind the current ones. Patterns run
 * on RE2, so a hostile pattern cannot hang the build.
 */
export function selects(target: Target, resource: BuildResource): boolean {
  const { group, version } = groupVersionOf(resource);
  if (!matches(target.group, group) || !matches(target.version, version) || !matches(target.kind, kindOf(resource))) return false;
  if (target.name !== undefined && !matches(target.name, originalNameOf(resource)) && !matches(target.name, nameOf(resource))) return false;
  if (target.namespace !== undefined && !matches(target.namespace, originalNamespaceOf(resource) ?? 'default') && !matches(target.namespace, namespaceOf(resource) ?? 'default')) return false;
  if (target.labelSelector !== undefined && !selectorSelects(target.labelSelector, at(resource.tree, ['metadata', 'labels']))) return false;
  if (target.annotationSelector !== undefined && !selectorSelects(target.annotationSelector, at(resource.tree, ['metadata', 'annotations']))) return false;
  return true;
}

const compiled = new Map<string, RE2JS>();

function matches(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined || pattern === '') return true;
  let regex = compiled.get(pattern);
  if (!regex) {
    try {
      regex = RE2JS.compile(`^(?:${pattern})$`);
    } catch {
      throw new TargetError(`'${pattern}' is not a regular expression kustomize can use.`);
    }
    compiled.set(pattern, regex);
  }
  return regex.matches(value);
}

function selectorSelects(selector: string, labels: Tree | undefined): boolean {
  return labelSelectorSelects({ matchExpressions: parseSelector(selector) }, labelsOf(labels ? toData(labels) : {}));
}

/** A selector string (`app=web,tier in (db,cache),!legacy`) as requirements. */
export function parseSelector(text: string): LabelSelectorRequirement[] {
  const requirements: LabelSelectorRequirement[] = [];
  for (const part of splitTopLevel(text)) {
    const clause = part.trim();
    if (clause === '') continue;
    const set = /^([^\s!=]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(clause);
    const equality = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s,]*)$/.exec(clause);
    if (set) requirements.push({ key: set[1], operator: set[2] === 'in' ? 'In' : 'NotIn', values: set[3].split(',').map((value) => value.trim()).filter((value) => value !== '') });
    else if (equality) requirements.push({ key: equality[1], operator: equality[2] === '!=' ? 'NotIn' : 'In', values: [equality[3]] });
    else if (/^![^\s!=]+$/.test(clause)) requirements.push({ key: clause.slice(1), operator: 'DoesNotExist' });
    else if (/^[^\s!=()]+$/.test(clause)) requirements.push({ key: clause, operator: 'Exists' });
    else throw new TargetError(`'${text}' is not a label selector.`);
  }
  return requirements;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === '(') depth++;
    if (character === ')') depth--;
    if (character === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += character;
  }
  parts.push(current);
  return parts;
}
