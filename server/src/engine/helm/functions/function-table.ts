import type { Origin } from '../go/origin';
import type { Rope } from '../go/rope';
import type { GoMap, GoValue } from '../go/values';

/**
 * What a function may ask of the template being run: the functions that render other
 * templates (`include`, `tpl`) and the call's own position for the origins of what it makes.
 */
export interface CallContext {
  /** The origin of the action making the call; functions that build new text give it this origin. */
  readonly origin: Origin;
  /** Renders a named template (`define`) with `data` as its dot, as `include` does. */
  include(name: string, data: GoValue): Rope;
  /** Parses `text` as a template sharing every `define`, and runs it with `data`, as `tpl` does. */
  tpl(text: string | Rope, data: GoValue): Rope;
  /** Told before a function changes a map it was given, so that a render can know it left its inputs alone. */
  readonly changing?: (map: GoMap) => void;
}

/**
 * A template function. It receives its arguments as evaluated values, and throws `GoError`
 * with Go's or Helm's message where they would fail. `context` is there for those that render
 * or that build text with an origin.
 */
export type TemplateFunction = (context: CallContext, ...args: GoValue[]) => GoValue;

/** Every name the parser accepts as a function, with its implementation. */
export type FunctionTable = ReadonlyMap<string, TemplateFunction>;
