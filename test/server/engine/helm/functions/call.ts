import type { Origin } from '../../../../../server/src/engine/helm/go/origin';
import { Rope } from '../../../../../server/src/engine/helm/go/rope';
import { GoError, type GoValue } from '../../../../../server/src/engine/helm/go/values';
import type { CallContext } from '../../../../../server/src/engine/helm/functions/function-table';
import { helmFunctions } from '../../../../../server/src/engine/helm/functions/index';

export const ORIGIN: Origin = { kind: 'action', span: { uri: 'file:///chart/templates/sts.yaml', start: 10, end: 30 }, frames: [] };

const table = helmFunctions();

export const context: CallContext = {
  origin: ORIGIN,
  include: (name, data) => Rope.of(`included ${name} with ${data instanceof Map ? [...data.keys()].join(',') : String(data)}`, ORIGIN),
  tpl: (text, data) => Rope.of(`tpl(${typeof text === 'string' ? text : text.text}) ${data instanceof Map ? [...data.keys()].join(',') : ''}`, ORIGIN),
};

/** Calls a function of the table by name, as a template would. */
export function call(name: string, ...args: GoValue[]): GoValue {
  const implementation = table.get(name);
  if (!implementation) throw new Error(`no function ${name}`);
  return implementation(context, ...args);
}

/** The text of a string or rope result. */
export function str(value: GoValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Rope) return value.text;
  throw new Error(`not a string: ${String(value)}`);
}

export function goError(message: string | RegExp): (error: unknown) => boolean {
  return (error) => error instanceof GoError && (typeof message === 'string' ? error.message === message : message.test(error.message));
}

export function map(entries: Record<string, GoValue>): Map<string, GoValue> {
  return new Map(Object.entries(entries));
}
