export function usage(version: string): string {
  return `kube-stateful ${version}: checks Kubernetes StatefulSets and the objects they rely on.

Usage:
  kube-stateful lint [options] [paths or globs...]
  kube-stateful render [options] <chart folder>
  kube-stateful build [--reorder <order>] [kustomization folder]
  kube-stateful schema [--out <file>]

lint checks YAML files. Paths may be files, folders (searched for *.yaml and *.yml) or
quoted globs; the default is the current folder. Files are checked together, so a
StatefulSet in one file is matched with its Service in another.

  --format <format>           text (default), json, sarif (SARIF 2.1.0, for code scanning)
                              or github (GitHub Actions annotations)
  --max-warnings <n>          exit 1 when there are more than n warnings
  --default-namespace <name>  namespace of manifests that set none (default: default)
  --kubernetes-version <x.y>  Kubernetes version the manifests target (default: 1.34)
  --rule <id=level>           set a rule to off, info, warning or error; repeatable
  --base <ref>                compare each file with its version at a git ref (such as
                              origin/main) and report changes the API server refuses on
                              a live object; any such change makes the exit status 1. In
                              a GitHub pull request the default is origin/$GITHUB_BASE_REF;
                              a ref missing from the clone exits 2
  --cache                     keep what each run found, and check again only the files
                              that changed and those that read objects from them
  --cache-location <path>     the cache file, or a folder to keep it in (default:
                              .kube-stateful-cache in the current folder)

A folder holding a Chart.yaml is a Helm chart: the files under its templates/ are
templates, not YAML, and are checked through what the chart renders to, with each
finding on the template line that wrote it.

  -f, --values <file>         a values file applied after the chart's own; repeatable
  --set <key=value>           a value, typed as helm --set types it; repeatable
  --set-string <key=value>    a value kept as a string; repeatable
  --set-file <key=path>       the text of a file as the value; repeatable
  --set-json <key=json>       a JSON value; repeatable
  --release-name <name>       .Release.Name (default: release-name)

As in helm, values files apply first, then --set-json, --set, --set-string and
--set-file, each in the order given.

render prints what a chart renders to, as helm template prints it, without helm: the
templates are interpreted in-process. It takes the chart options above and
--default-namespace and --kubernetes-version as lint does; a template that fails to
render is reported on stderr and makes the exit status 1.

build prints what kustomize build prints for a folder holding a kustomization.yaml (the
default is the current folder), without kustomize: resources, components, generators,
patches and the built-in transformers are applied in-process. vars, replacements, Helm
charts, plugins and remote bases are not; each is reported on stderr, as is a path that
does not exist, which also makes the exit status 1.

  --reorder <order>           legacy (default, as kustomize build) sorts objects by kind;
                              none keeps the order the kustomization gives them; a
                              kustomization's own sortOptions wins over either

schema prints the JSON Schema of the kinds lint checks, for editors and other tools.

  --out <file>                write it to a file instead

  -h, --help                  show this help
  -v, --version               show the version

Exit status: 0 when no error-level finding (and no more warnings than --max-warnings),
1 when there is one (or too many warnings), 2 on bad usage, an unreadable path or an
unwritable --out file.`;
}
