import type { PlainObject, Resource } from '../document/resource';
import type { SourceFile } from '../document/source-file';
import { BLOCK_TEXT } from '../document/light-scan';
import { providedKeys, requiredKeys } from './dependencies';
import { referenceKeys } from '../navigation/object-references';

/** What the indexes hold an object by (see `dependencies.ts` and `referenceKeys`). */
export interface ObjectKeys {
  readonly provided: readonly string[];
  readonly required: readonly string[];
  readonly references: readonly string[];
}

/**
 * An object of a file that the light index read without parsing it, standing in the indexes
 * for the `Resource` the file gives when a check asks for it.
 */
export class LightObject implements ObjectKeys {
  readonly provided: readonly string[];
  readonly required: readonly string[];
  readonly references: readonly string[];

  constructor(
    readonly file: SourceFile,
    /** Its place among the file's objects. */
    private readonly ordinal: number,
    keys: ObjectKeys,
  ) {
    this.provided = keys.provided;
    this.required = keys.required;
    this.references = keys.references;
  }

  static of(file: SourceFile, ordinal: number, content: PlainObject): LightObject {
    return new LightObject(file, ordinal, { provided: providedKeys(content), required: requiredKeys(content), references: referenceKeys(content) });
  }

  get uri(): string {
    return this.file.uri;
  }

  /** The object, parsing its file if it was not yet. */
  get resource(): Resource {
    return this.file.resources[this.ordinal];
  }

  /** The object if its file was parsed; otherwise no finding can have been made for it. */
  get parsedResource(): Resource | undefined {
    return this.file.isParsed ? this.resource : undefined;
  }

  /** Whether a block scalar's text, which the light reader does not read, reached a key. */
  get readsBlockText(): boolean {
    return [this.provided, this.required, this.references].some((keys) => keys.some((key) => key.includes(BLOCK_TEXT)));
  }
}

/**
 * What the workspace indexes a file's objects by: stand-ins for a file the light index read,
 * unless a key needs text it did not read; the objects themselves otherwise. A file the host
 * knew (`known`) stands in by the keys it gave.
 */
export function indexedObjectsOf(file: SourceFile, known?: readonly ObjectKeys[]): (Resource | LightObject)[] {
  if (file.isKnown && known) return known.map((keys, ordinal) => new LightObject(file, ordinal, keys));
  const content = file.lightObjects;
  if (!content) return file.resources;
  const light = content.map((object, ordinal) => LightObject.of(file, ordinal, object));
  return light.some((object) => object.readsBlockText) ? file.resources : light;
}
