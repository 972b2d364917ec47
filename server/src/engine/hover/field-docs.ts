import { versionAtLeast, parseKubernetesVersion, type KubernetesVersion } from '../config';
import { typeName } from '../schema/describe-path';
import { allowedValues } from '../schema/enum-values';
import type { NamedField, SchemaTarget } from '../schema/field-at-path';
import type { FieldShape } from '../schema/field-table-types';
import { referenceUrl } from '../schema/reference-pages';
import { serverDefault } from '../schema/server-defaults';
import { code, prose } from './markdown';

/**
 * The reference documentation of a field: its type, whether it is required or what the API
 * server sets when it is left out, the description from the Kubernetes API, the values it
 * accepts and a link to its type on kubernetes.io.
 */
export function fieldDocs(target: SchemaTarget, version: KubernetesVersion, entryKey?: string): string | undefined {
  const named = target.field;
  if (!named) return undefined;
  const lines = [headline(target, named, version, entryKey)];
  const since = availability(named, version);
  if (since) lines.push(since);
  if (named.field.description) lines.push(prose(named.field.description));
  const values = allowedValues(named);
  if (values && values.length > 0) lines.push(`Values: ${values.map((entry) => code(entry.value)).join(', ')}`);
  const url = referenceUrl(named.ownerType);
  if (url) lines.push(`[${typeName(named.ownerType)} in the Kubernetes API reference](${url})`);
  return lines.join('\n\n');
}

/** `**replicas** · integer · optional, defaults to 1` */
export function headline(target: SchemaTarget, named: NamedField, version: KubernetesVersion, entryKey?: string): string {
  if (target.within === 'entry') {
    return `${code(entryKey ?? '')} · entry of ${code(named.name)} · ${code(typeLabel(target.shape))}`;
  }
  if (target.within === 'item') return `Item of ${code(named.name)} · ${code(typeLabel(target.shape))}`;
  return `**${code(named.name)}** · ${code(typeLabel(named.field))} · ${presence(named, version)}`;
}

/** `required`, `optional, defaults to \`1\``, or `optional`. */
export function presence(named: NamedField, version: KubernetesVersion): string {
  if (named.field.required) return 'required';
  const fallback = serverDefault(named.ownerType, named.name, version);
  if (!fallback) return 'optional';
  const value = 'value' in fallback ? code(fallback.value) : fallback.prose;
  return `optional, defaults to ${value}${fallback.note ? ` (${fallback.note})` : ''}`;
}

/** Go-like type names, as the API reference writes them. */
export function typeLabel(shape: FieldShape): string {
  switch (shape.type) {
    case 'object':
      return typeName(shape.ref);
    case 'array':
      return `[]${typeLabel(shape.items)}`;
    case 'map':
      return `map[string]${typeLabel(shape.values)}`;
    case 'int-or-string':
      return 'integer or string';
    case 'quantity':
      return 'quantity';
    default:
      return shape.type;
  }
}

/** A warning for fields newer than the Kubernetes version the manifests target. */
function availability(named: NamedField, version: KubernetesVersion): string | undefined {
  const since = named.field.since && parseKubernetesVersion(named.field.since);
  if (!since) return undefined;
  if (versionAtLeast(version, since.major, since.minor)) return `Added in Kubernetes ${named.field.since}.`;
  return `⚠️ Added in Kubernetes ${named.field.since}; \`kubeStateful.kubernetesVersion\` targets ${version.major}.${version.minor}, where the API server does not know this field.`;
}
