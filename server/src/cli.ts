import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { collectFiles, UsageError } from './cli/collect-files';
import { formatJson, formatText, summarize } from './cli/format';
import { lintFiles } from './cli/lint';
import { configFrom, parseKubernetesVersion } from './engine/config';
import { ruleById } from './engine/rules';

const USAGE = `kube-stateful ${version}: checks Kubernetes StatefulSets and the objects they rely on.

Usage:
  kube-stateful lint [options] [paths or globs...]

Paths may be files, folders (searched for *.yaml and *.yml) or quoted globs; the default is
the current folder. Files are checked together, so a StatefulSet in one file is matched
with its Service in another.

Options:
  --format <text|json>        output format (default: text)
  --default-namespace <name>  namespace of manifests that set none (default: default)
  --kubernetes-version <x.y>  Kubernetes version the manifests target (default: 1.34)
  --rule <id=level>           set a rule to off, info, warning or error; repeatable
  -h, --help                  show this help
  -v, --version               show the version

Exit status: 0 when no error-level finding, 1 when there is one, 2 on bad usage or an
unreadable path.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'default-namespace': { type: 'string' },
      'kubernetes-version': { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return print(USAGE, 0);
  if (values.version) return print(version, 0);
  const [command, ...paths] = positionals;
  if (command !== 'lint') throw new UsageError(command ? `Unknown command '${command}'.` : 'No command given.');
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`Unknown format '${values.format}': use text or json.`);
  }
  const kubernetesVersion = values['kubernetes-version'];
  if (kubernetesVersion !== undefined && !parseKubernetesVersion(kubernetesVersion)) {
    throw new UsageError(`Unknown Kubernetes version '${kubernetesVersion}': use a version such as 1.34.`);
  }
  const config = configFrom({
    defaultNamespace: values['default-namespace'],
    kubernetesVersion,
    rules: ruleLevels(values.rule),
  });
  const cwd = process.cwd();
  const results = await lintFiles(await collectFiles(paths, cwd), config);
  if (values.format === 'json') process.stdout.write(formatJson(results, cwd));
  else {
    process.stdout.write(formatText(results, cwd));
    process.stderr.write(summarize(results) + '\n');
  }
  return results.some(({ findings }) => findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

function ruleLevels(settings: string[]): Record<string, string> {
  const levels: Record<string, string> = {};
  for (const setting of settings) {
    const [id, level] = setting.split('=');
    if (!ruleById(id)) throw new UsageError(`Unknown rule '${id}' in --rule ${setting}.`);
    if (!['off', 'info', 'warning', 'error'].includes(level)) {
      throw new UsageError(`Unknown level in --rule ${setting}: use off, info, warning or error.`);
    }
    levels[id] = level;
  }
  return levels;
}

function print(text: string, code: number): number {
  process.stdout.write(text + '\n');
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`kube-stateful: ${(error as Error).message}\n${usage ? "Run 'kube-stateful --help' for usage.\n" : ''}`);
    process.exitCode = 2;
  },
);
