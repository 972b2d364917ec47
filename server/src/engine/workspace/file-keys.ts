import type { SourceFile } from '../document/source-file';
import { providedKeys, requiredKeys } from './dependencies';
import { indexedObjectsOf, LightObject } from './light-object';

/** What a file's objects give other files' checks and take from them (see `dependencies.ts`). */
export interface FileKeys {
  provided: string[];
  required: string[];
}

/**
 * The keys of every object of a file, each once and sorted, read as the workspace indexes the
 * file: by the light reader when it was, so that a file no check parsed stays unparsed.
 */
export function fileKeys(file: SourceFile): FileKeys {
  const provided = new Set<string>();
  const required = new Set<string>();
  for (const object of indexedObjectsOf(file)) {
    const keys = object instanceof LightObject ? object : { provided: providedKeys(object), required: requiredKeys(object) };
    keys.provided.forEach((key) => provided.add(key));
    keys.required.forEach((key) => required.add(key));
  }
  return { provided: [...provided].sort(), required: [...required].sort() };
}
