import type { PathSegment } from '../document/yaml-nodes';

/** `spec.template.spec.containers[0].env[2]`, the way field paths appear in API errors. */
export function describePath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    '',
  );
}

/** `Container` for `core/v1.Container`. */
export function typeName(typeId: string): string {
  return typeId.slice(typeId.lastIndexOf('.') + 1);
}
