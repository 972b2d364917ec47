import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../engine/types';

/** Raised whenever what the cache holds changes meaning; a cache of another format is dropped. */
export const CACHE_FORMAT = 1;

/** The cache file's name, in the current folder or in the folder `--cache-location` names. */
export const DEFAULT_CACHE_NAME = '.kube-stateful-cache';

/** What one run learnt of a file, to spare the next run from reading or checking it again. */
export interface CachedFile {
  size: number;
  mtimeMs: number;
  /** Of the text read, so that a file touched but not changed keeps its findings. */
  hash: string;
  /** Of the version `--base` compared it with; empty without `--base`. */
  base: string;
  provided: string[];
  required: string[];
  /** Read by a kustomize build or a chart render, whose output its findings come through. */
  derived: boolean;
  /** Of the files providing what it requires, as they were when its findings were made. */
  dependencies: string;
  findings: Finding[];
}

export interface LintCache {
  format: number;
  /** The version of kube-stateful that wrote it: a new version may check differently. */
  version: string;
  /** Of every option that changes findings (rule levels, namespace, chart values…). */
  options: string;
  /** The keys the built and rendered objects provide and require. */
  derivedProvided: string[];
  derivedRequired: string[];
  files: Record<string, CachedFile>;
}

export function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** Where the cache is kept: `location` (by default the current folder's cache file), or a file of that name in it if it is a folder. */
export async function cacheFileOf(location: string | undefined, cwd: string): Promise<string> {
  const resolved = path.resolve(cwd, location ?? DEFAULT_CACHE_NAME);
  const isFolder = location !== undefined && (/[\\/]$/.test(location) || (await fs.stat(resolved).then((stat) => stat.isDirectory(), () => false)));
  return isFolder ? path.join(resolved, DEFAULT_CACHE_NAME) : resolved;
}

/** The cache at `file` if it was written by this version with these options; anything else (missing, corrupt, old) is no cache. */
export async function readCache(file: string, version: string, options: string): Promise<LintCache | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.format !== CACHE_FORMAT || data.version !== version || data.options !== options) return undefined;
  if (!isStrings(data.derivedProvided) || !isStrings(data.derivedRequired) || !isRecord(data.files)) return undefined;
  return data as unknown as LintCache;
}

/** A file's entry, unless it is missing or not of the shape this version writes. */
export function cachedFile(cache: LintCache | undefined, file: string): CachedFile | undefined {
  const entry: unknown = cache && Object.hasOwn(cache.files, file) ? cache.files[file] : undefined;
  if (!isRecord(entry)) return undefined;
  const { size, mtimeMs, hash, base, provided, required, derived, dependencies, findings } = entry;
  const valid =
    typeof size === 'number' &&
    typeof mtimeMs === 'number' &&
    typeof hash === 'string' &&
    typeof base === 'string' &&
    isStrings(provided) &&
    isStrings(required) &&
    typeof derived === 'boolean' &&
    typeof dependencies === 'string' &&
    Array.isArray(findings) &&
    findings.every(isFinding);
  return valid ? (entry as unknown as CachedFile) : undefined;
}

/** Writes the cache whole, through a temporary file, so that a run stopped half-way leaves the last cache or none. Returns why it failed, if it did. */
export async function writeCache(file: string, cache: LintCache): Promise<string | undefined> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(temporary, JSON.stringify(cache));
    await fs.rename(temporary, file);
    return undefined;
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isFinding(value: unknown): boolean {
  if (!isRecord(value) || !isRecord(value.range) || !isRecord(value.range.start) || !isRecord(value.range.end)) return false;
  return typeof value.message === 'string' && typeof value.ruleId === 'string' && typeof value.severity === 'string';
}
