/** Appended to a template's URI to name its rendered output in the workspace. */
export const RENDERED_SUFFIX = '#rendered';

export function renderedUri(templateUri: string): string {
  return templateUri + RENDERED_SUFFIX;
}

/** The template a rendered output came from; any other URI unchanged. */
export function templateUriOf(uri: string): string {
  return uri.endsWith(RENDERED_SUFFIX) ? uri.slice(0, -RENDERED_SUFFIX.length) : uri;
}

/** The chart folder of a `Chart.yaml` URI; undefined for any other file. */
export function chartRootOfManifest(uri: string): string | undefined {
  return uri.endsWith('/Chart.yaml') ? uri.slice(0, -'/Chart.yaml'.length) : undefined;
}

/** Whether a file lies below the `templates/` folder of the chart at `rootUri`. */
export function isUnderTemplates(rootUri: string, uri: string): boolean {
  return uri.startsWith(rootUri + '/templates/');
}
