import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ruleDocsUrl } from '../../server/src/engine/rule-docs-url';
import { rules } from '../../server/src/engine/rules';
import { RULES_SETTING, ruleSettingProperties, withRuleSettings } from '../../scripts/settings-schema';

const MANIFEST = path.join(__dirname, '..', '..', 'package.json');

describe(`the ${RULES_SETTING} setting in package.json`, () => {
  const text = readFileSync(MANIFEST, 'utf8');
  const setting = JSON.parse(text).contributes.configuration.properties[RULES_SETTING];

  it('lists the rules the registry generates (run `npm run docs` after changing a rule)', () => {
    assert.deepEqual(setting.properties, ruleSettingProperties(rules));
    assert.equal(withRuleSettings(text, rules), text);
  });

  it('offers the four levels for each rule id, with its description, default and documentation', () => {
    assert.deepEqual(Object.keys(setting.properties), rules.map((rule) => rule.id));
    const inline = setting.properties['inline-secret'];
    assert.deepEqual(inline.enum, ['off', 'info', 'warning', 'error']);
    assert.equal(inline.default, 'warning');
    assert.equal(inline.description, 'A container environment variable holds a credential as a literal value.');
    assert.ok(inline.markdownDescription.endsWith(`Default: \`warning\`. [Documentation](${ruleDocsUrl('inline-secret')})`));
  });

  it('rejects an id that is no rule, so that a typo is flagged in settings.json', () => {
    assert.equal(setting.additionalProperties, false);
    assert.deepEqual(setting.default, {});
  });
});
