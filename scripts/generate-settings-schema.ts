// Writes the rule ids into the schema of the `kubeStateful.rules` setting in package.json.
// Run by `npm run docs` after adding or changing a rule.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../server/src/engine/rules';
import { RULES_SETTING, withRuleSettings } from './settings-schema';

const target = path.join(__dirname, '..', 'package.json');
writeFileSync(target, withRuleSettings(readFileSync(target, 'utf8'), rules));
console.log(`Wrote the ${rules.length} rule ids of ${RULES_SETTING} into ${path.relative(process.cwd(), target)}.`);
