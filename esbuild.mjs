// Bundles the extension client, the language server and the CLI into dist/, and the browser
// build of the extension, client and server together.
// Each bundle carries its dependencies, so the .vsix and the npm package need no node_modules.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag >= 0 ? process.argv[outdirFlag + 1] : 'dist';

// ESM dependencies (tinyglobby, fdir) read import.meta.url, which a CommonJS bundle lacks.
const importMetaShim = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

/**
 * The `yaml` package's ES module build, which it ships for browsers and which holds the same
 * code: bundled as ES modules, the engine's many calls into it (`isMap`, `isScalar`…) are plain
 * function calls instead of reads through CommonJS export getters.
 */
const yamlAsModules = {
  name: 'yaml-as-modules',
  setup(build) {
    const entry = fileURLToPath(new URL('node_modules/yaml/browser/index.js', import.meta.url));
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: entry }));
  },
};

const shared = {
  bundle: true,
  plugins: [yamlAsModules],
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: importMetaShim },
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

/** For VS Code's web extension host, which loads an extension as CommonJS and has none of Node's modules. */
const browser = {
  ...shared,
  platform: 'browser',
  target: 'es2022',
  define: { global: 'globalThis' },
  banner: {},
  external: ['vscode'],
};

const executable = { banner: { js: `#!/usr/bin/env node\n${importMetaShim}` } };

const builds = [
  esbuild.build({
    ...shared,
    entryPoints: { extension: 'client/src/extension.ts' },
    outdir,
    external: ['vscode'],
  }),
  // The browser build: client and server in one file.
  esbuild.build({ ...browser, entryPoints: { 'extension-web': 'client/src/extension-web.ts' }, outdir }),
  esbuild.build({ ...shared, ...executable, entryPoints: { server: 'server/src/server.ts' }, outdir }),
  esbuild.build({ ...shared, ...executable, entryPoints: { cli: 'server/src/cli.ts' }, outdir }),
];
// The extension-host test suite is built only on request and never packaged.
if (process.argv.includes('--test-suite')) {
  builds.push(
    esbuild.build({
      ...shared,
      entryPoints: { 'vscode-suite': 'test/vscode/suite/index.ts' },
      outdir: 'dist-test',
      external: ['vscode', 'mocha'],
    }),
    esbuild.build({ ...browser, entryPoints: { 'web-suite': 'test/web/suite/index.ts' }, outdir: 'dist-test' }),
  );
}
await Promise.all(builds);
