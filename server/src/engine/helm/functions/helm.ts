import { Rope } from '../go/rope';
import { GoError, isString, stringOf, type GoValue } from '../go/values';
import { strval, text, type FunctionGroup } from './common';

/** Helm's own functions that reach back into the render: templates by name, text as a template, and failures. */
export const helmOnlyFunctions: FunctionGroup = {
  include: (context, name = null, data = null) => context.include(text(name, 'include'), data),
  tpl: (context, template = null, data = null) => context.tpl(template instanceof Rope ? template : text(template, 'tpl'), data),
  required: (_context, message = null, value = null) => {
    if (value === null || (isString(value) && stringOf(value) === '')) throw new GoError(strval(message));
    return value;
  },
  fail: (_context, message = null) => {
    throw new GoError(strval(message));
  },
  // `helm template` has no cluster to ask: every lookup finds nothing.
  lookup: () => new Map<string, GoValue>(),
  // No process environment in a render that must give the same text everywhere.
  env: () => '',
  expandenv: (_context, s = null) => text(s, 'expandenv').replace(/\$(\w+|\{[^}]*\})/g, ''),
};
