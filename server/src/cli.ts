import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { baseRevision } from './cli/base-revision';
import { buildCommand } from './cli/build-command';
import { UsageError } from './cli/collect-files';
import { lintCommand } from './cli/lint-command';
import { processOutput } from './cli/output';
import { renderCommand } from './cli/render-command';
import { schemaCommand } from './cli/schema-command';
import { usage } from './cli/usage';

const CHART_OPTIONS = ['values', 'set', 'set-string', 'set-file', 'set-json', 'release-name'];

/** The options each command takes; another command's option is a usage error, not silently ignored. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  lint: ['base', 'cache', 'cache-location', 'format', 'max-warnings', 'default-namespace', 'kubernetes-version', 'rule', ...CHART_OPTIONS],
  render: ['default-namespace', 'kubernetes-version', ...CHART_OPTIONS],
  build: ['reorder'],
  schema: ['out'],
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      base: { type: 'string' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      format: { type: 'string' },
      'max-warnings': { type: 'string' },
      'default-namespace': { type: 'string' },
      'kubernetes-version': { type: 'string' },
      rule: { type: 'string', multiple: true },
      values: { type: 'string', multiple: true, short: 'f' },
      set: { type: 'string', multiple: true },
      'set-string': { type: 'string', multiple: true },
      'set-file': { type: 'string', multiple: true },
      'set-json': { type: 'string', multiple: true },
      'release-name': { type: 'string' },
      out: { type: 'string' },
      reorder: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return print(usage(version), 0);
  if (values.version) return print(version, 0);
  const [command, ...rest] = positionals;
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed) throw new UsageError(command ? `Unknown command '${command}'.` : 'No command given.');
  const misplaced = Object.keys(values).find((option) => !allowed.includes(option));
  if (misplaced) throw new UsageError(`The option --${misplaced} does not apply to '${command}'.`);
  const cwd = process.cwd();
  if (command === 'schema') {
    if (rest.length > 0) throw new UsageError(`'schema' takes no paths: got '${rest[0]}'. Use --out <file> to write a file.`);
    return schemaCommand(values.out, cwd, processOutput);
  }
  const chartOptions = {
    values: values.values ?? [],
    set: values.set ?? [],
    setString: values['set-string'] ?? [],
    setFile: values['set-file'] ?? [],
    setJson: values['set-json'] ?? [],
    releaseName: values['release-name'],
  };
  if (command === 'render') {
    if (rest.length > 1) throw new UsageError(`'render' takes one chart folder: got '${rest[1]}' too.`);
    const target = { defaultNamespace: values['default-namespace'], kubernetesVersion: values['kubernetes-version'] };
    return renderCommand({ chart: rest[0], ...chartOptions, ...target }, cwd, processOutput);
  }
  if (command === 'build') {
    if (rest.length > 1) throw new UsageError(`'build' takes one kustomization folder: got '${rest[1]}' too.`);
    return buildCommand({ folder: rest[0], reorder: values.reorder }, cwd, processOutput);
  }
  return lintCommand(
    {
      paths: rest,
      format: values.format,
      maxWarnings: values['max-warnings'],
      defaultNamespace: values['default-namespace'],
      kubernetesVersion: values['kubernetes-version'],
      rules: values.rule ?? [],
      base: baseRevision(values.base, process.env),
      cache: values.cache,
      cacheLocation: values['cache-location'],
      ...chartOptions,
    },
    cwd,
    version,
    processOutput,
  );
}

function print(text: string, code: number): number {
  process.stdout.write(text + '\n');
  return code;
}

// `kube-stateful lint | head` closes the pipe early: stop quietly, as other command line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const badUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const hint = badUsage ? "Run 'kube-stateful --help' for usage.\n" : '';
    process.stderr.write(`kube-stateful: ${(error as Error).message}\n${hint}`);
    process.exitCode = 2;
  },
);
