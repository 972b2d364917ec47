import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { ruleDocsUrl } from '../engine/rule-docs-url';
import type { Rule } from '../engine/rule';
import type { Finding, Range, Severity } from '../engine/types';
import type { FileFindings } from './format';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const HOMEPAGE = 'https://github.com/kube-stateful/kube-stateful';
/** The symbol relative result paths are resolved against: the folder kube-stateful ran in. */
const SOURCE_ROOT = '%SRCROOT%';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/**
 * A SARIF 2.1.0 log of one run, for GitHub code scanning and other SARIF viewers: the rules
 * with their documentation, then one result per finding. Paths under the current folder are
 * relative to it (`%SRCROOT%`), so that the log holds no machine-specific path a viewer
 * would have to map; columns count UTF-16 code units, as the engine's positions do.
 */
export function formatSarif(results: readonly FileFindings[], cwd: string, rules: readonly Rule[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kube-stateful',
            version,
            semanticVersion: version,
            informationUri: HOMEPAGE,
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ file, findings }) =>
          findings.map((finding) => result(finding, artifactOf(file, cwd), ruleIndex.get(finding.ruleId), cwd)),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(rule: Rule) {
  const docs = ruleDocsUrl(rule.id);
  const examples = [
    ...(rule.docs.bad ? ['Reported:', '', '```yaml', rule.docs.bad, '```', ''] : []),
    ...(rule.docs.good ? ['Accepted:', '', '```yaml', rule.docs.good, '```', ''] : []),
  ];
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.docs.rationale },
    help: {
      text: `${rule.description}\n\n${rule.docs.rationale}\n\nDocumentation: ${docs}`,
      markdown: [rule.description, '', rule.docs.rationale, '', ...examples, `[Documentation](${docs})`].join('\n'),
    },
    helpUri: docs,
    defaultConfiguration: { level: LEVELS[rule.severity] },
  };
}

function result(finding: Finding, artifact: ArtifactLocation, index: number | undefined, cwd: string) {
  return {
    ruleId: finding.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifact, region: region(finding.range) } }],
    ...(finding.related?.length
      ? {
          relatedLocations: finding.related.map((related, id) => ({
            id,
            physicalLocation: { artifactLocation: artifactOfUri(related.uri, cwd), region: region(related.range) },
            message: { text: related.message },
          })),
        }
      : {}),
  };
}

/** SARIF regions are 1-based, and the end column is that of the character after the region. */
function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifactOf(file: string, cwd: string): ArtifactLocation {
  const relative = path.relative(cwd, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (relative === '' || outside) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function artifactOfUri(uri: string, cwd: string): ArtifactLocation {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? artifactOf(parsed.fsPath, cwd) : { uri };
}
