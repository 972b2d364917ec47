import { configFrom, type EngineConfig } from '../engine/config';

export interface ServerSettings {
  enable: boolean;
  /** Milliseconds between the last edit and the check; 0 checks at once. */
  delay: number;
  exclude: string[];
  engine: EngineConfig;
  /** Generic field documentation in hovers; the computed StatefulSet explanations always show. */
  hoverFieldDocs: boolean;
  /** Field-name completion; values from the workspace and fixed sets are always offered. */
  completionFields: boolean;
  /** Globs, relative to each chart's folder, of values files applied in order after `values.yaml`. */
  helmValuesFiles: string[];
  /** `.Release.Name` when charts are rendered. */
  helmReleaseName: string;
  /** Code lenses above StatefulSets. */
  codeLens: boolean;
  /** The revision files are compared with for changes the API server refuses, or `off`. */
  compareWith: string;
}

export const DEFAULT_RELEASE_NAME = 'release-name';

export const DEFAULT_DELAY_MS = 150;

export const DEFAULT_COMPARE_WITH = 'HEAD';

/** Reads the `kubeStateful` settings section as a client sends it, tolerating anything. */
export function settingsFrom(section: unknown): ServerSettings {
  const raw = (typeof section === 'object' && section !== null ? section : {}) as Record<string, unknown>;
  const validation = (typeof raw.validation === 'object' && raw.validation !== null ? raw.validation : {}) as Record<
    string,
    unknown
  >;
  const delay = typeof validation.delay === 'number' && validation.delay >= 0 ? validation.delay : DEFAULT_DELAY_MS;
  const hover = sectionOf(raw.hover);
  const completion = sectionOf(raw.completion);
  const helm = sectionOf(raw.helm);
  const codeLens = sectionOf(raw.codeLens);
  const helmValuesFiles = Array.isArray(helm.valuesFiles) ? helm.valuesFiles.filter((glob): glob is string => typeof glob === 'string') : [];
  const helmReleaseName = typeof helm.releaseName === 'string' && helm.releaseName.trim() !== '' ? helm.releaseName.trim() : DEFAULT_RELEASE_NAME;
  const exclude = Array.isArray(raw.exclude) ? raw.exclude.filter((glob): glob is string => typeof glob === 'string') : [];
  const compareWith = typeof raw.compareWith === 'string' && raw.compareWith.trim() !== '' ? raw.compareWith.trim() : DEFAULT_COMPARE_WITH;
  return {
    enable: raw.enable !== false,
    delay,
    exclude,
    engine: configFrom({ defaultNamespace: raw.defaultNamespace, kubernetesVersion: raw.kubernetesVersion, rules: raw.rules }),
    hoverFieldDocs: hover.fieldDocs !== false,
    completionFields: completion.fields !== false,
    helmValuesFiles,
    helmReleaseName,
    codeLens: codeLens.enable !== false,
    compareWith,
  };
}

function sectionOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
