import type { FunctionTable, TemplateFunction } from './function-table';
import { dateFunctions } from './dates';
import { dictFunctions } from './dicts';
import { encodingFunctions } from './encoding';
import { helmOnlyFunctions } from './helm';
import { listFunctions } from './lists';
import { mathFunctions } from './math';
import { pathFunctions } from './paths';
import { regexFunctions } from './regex';
import { semverFunctions } from './semver';
import { standInFunctions, unsupportedFunctions } from './stand-ins';
import { stringFunctions } from './strings';
import { yamlJsonFunctions } from './yaml-json';

/**
 * Sprig's functions with Helm's on top, as Helm builds its function map: where both define
 * a name (`toJson`, `fail`…), Helm's wins. Go's builtins (`printf`, `eq`, `index`…) are the
 * evaluator's, except `slice`, which Sprig replaces.
 */
export function helmFunctions(): FunctionTable {
  const groups = [
    stringFunctions,
    listFunctions,
    dictFunctions,
    mathFunctions,
    regexFunctions,
    encodingFunctions,
    pathFunctions,
    dateFunctions,
    semverFunctions,
    standInFunctions,
    unsupportedFunctions,
    yamlJsonFunctions,
    helmOnlyFunctions,
  ];
  const table = new Map<string, TemplateFunction>();
  for (const group of groups) for (const [name, implementation] of Object.entries(group)) table.set(name, implementation);
  return table;
}
