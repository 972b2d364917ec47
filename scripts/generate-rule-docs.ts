import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../server/src/engine/rules';
import { renderRuleDocs } from './rule-docs';

const target = path.join(__dirname, '..', 'docs', 'rules.md');
writeFileSync(target, renderRuleDocs(rules));
console.log(`Wrote ${path.relative(process.cwd(), target)} (${rules.length} rules).`);
