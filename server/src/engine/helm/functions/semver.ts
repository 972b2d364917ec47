import { GoError, GoStruct, type GoValue } from '../go/values';
import { text, type FunctionGroup } from './common';

/**
 * Masterminds semver, which Sprig uses; not npm's. Versions may omit minor and patch and
 * start with `v`; a constraint rejects pre-releases unless its own version has one, so
 * `>=1.21-0` is the idiom for "1.21 or later, pre-releases and cloud builds included".
 */
export interface Version {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly prerelease: string;
  readonly metadata: string;
  readonly original: string;
}

const VERSION = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export function parseVersion(source: string): Version {
  const match = VERSION.exec(source.trim());
  if (!match) throw new GoError('Invalid Semantic Version');
  const prerelease = match[4] ?? '';
  for (const part of prerelease === '' ? [] : prerelease.split('.')) {
    if (/^0\d+$/.test(part)) throw new GoError('Version segment starts with 0');
  }
  return {
    major: BigInt(match[1]!),
    minor: BigInt(match[2] ?? '0'),
    patch: BigInt(match[3] ?? '0'),
    prerelease,
    metadata: match[5] ?? '',
    original: source,
  };
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return BigInt(p) < BigInt(q) ? -1 : 1;
    // Numeric identifiers rank below alphanumeric ones.
    if (pn) return -1;
    if (qn) return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  for (const [x, y] of [[a.major, b.major], [a.minor, b.minor], [a.patch, b.patch]] as const) if (x !== y) return x < y ? -1 : 1;
  return comparePrerelease(a.prerelease, b.prerelease);
}

interface Constraint {
  readonly operator: string;
  readonly version: Version;
  /** How many of major, minor, patch were given as numbers; wildcards and omissions end the count. */
  readonly given: 0 | 1 | 2 | 3;
  readonly source: string;
}

const CONSTRAINT = /^(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)?\s*(v?([0-9]+|[xX*])(?:\.([0-9]+|[xX*]))?(?:\.([0-9]+|[xX*]))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?)$/;

function parseConstraint(source: string): Constraint {
  const match = CONSTRAINT.exec(source);
  if (!match) throw new GoError(`improper constraint: ${source}`);
  const parts = [match[3], match[4], match[5]];
  let given = 0;
  while (given < 3 && parts[given] !== undefined && /^[0-9]+$/.test(parts[given]!)) given++;
  const number = (index: number): string => (index < given ? parts[index]! : '0');
  const prerelease = match[6] ? '-' + match[6] : '';
  const version = parseVersion(`${number(0)}.${number(1)}.${number(2)}${prerelease}${match[7] ? '+' + match[7] : ''}`);
  return { operator: match[1] ?? '', version, given: given as Constraint['given'], source };
}

function matchesWildcard(version: Version, constraint: Constraint): boolean {
  const c = constraint.version;
  if (constraint.given >= 1 && version.major !== c.major) return false;
  if (constraint.given >= 2 && version.minor !== c.minor) return false;
  if (constraint.given >= 3 && version.patch !== c.patch) return false;
  return constraint.given < 3 || comparePrerelease(version.prerelease, c.prerelease) === 0;
}

function satisfies(version: Version, constraint: Constraint): boolean {
  const c = constraint.version;
  const cmp = compareVersions(version, c);
  if (constraint.operator === '!=') return !matchesWildcard(version, constraint);
  if (version.prerelease !== '' && c.prerelease === '') return false;
  switch (constraint.operator) {
    case '':
    case '=':
      return constraint.given < 3 ? matchesWildcard(version, constraint) : cmp === 0;
    case '>':
      if (constraint.given === 0) return false;
      if (constraint.given === 1) return version.major > c.major;
      if (constraint.given === 2) return version.major > c.major || (version.major === c.major && version.minor > c.minor);
      return cmp > 0;
    case '>=':
    case '=>':
      return cmp >= 0;
    case '<':
      return cmp < 0;
    case '<=':
    case '=<':
      if (constraint.given === 0) return true;
      if (constraint.given === 1) return version.major <= c.major;
      if (constraint.given === 2) return version.major < c.major || (version.major === c.major && version.minor <= c.minor);
      return cmp <= 0;
    case '~':
    case '~>':
      if (cmp < 0) return false;
      if (constraint.given === 0) return true;
      if (version.major !== c.major) return false;
      return constraint.given === 1 || version.minor === c.minor;
    case '^':
      if (cmp < 0) return false;
      if (c.major > 0n || constraint.given === 1) return version.major === c.major;
      if (c.minor > 0n || constraint.given === 2) return version.major === 0n && version.minor === c.minor;
      return version.major === 0n && version.minor === 0n && version.patch === c.patch;
    default:
      return false;
  }
}

/** `a || b` of groups whose members, separated by spaces or commas, must all hold. Hyphen ranges `1.2 - 1.4` are inclusive. */
export function parseConstraints(source: string): Constraint[][] {
  return source.split('||').map((group) => {
    const normalized = group
      .trim()
      .replace(/(\S+)\s+-\s+(\S+)/g, '>= $1, <= $2')
      .replace(/(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)\s+/g, '$1');
    const members = normalized.split(/[\s,]+/).filter((member) => member !== '');
    if (members.length === 0) throw new GoError(`improper constraint: ${source}`);
    return members.map(parseConstraint);
  });
}

export function semverCompare(constraint: string, version: string): boolean {
  const groups = parseConstraints(constraint);
  const parsed = parseVersion(version);
  return groups.some((group) => group.every((member) => satisfies(parsed, member)));
}

function versionStruct(version: Version): GoStruct {
  const canonical = `${version.major}.${version.minor}.${version.patch}${version.prerelease ? '-' + version.prerelease : ''}${version.metadata ? '+' + version.metadata : ''}`;
  return new GoStruct(
    '*semver.Version',
    new Map(),
    new Map<string, () => GoValue>([
      ['Major', () => version.major],
      ['Minor', () => version.minor],
      ['Patch', () => version.patch],
      ['Prerelease', () => version.prerelease],
      ['Metadata', () => version.metadata],
      ['Original', () => version.original],
      ['String', () => canonical],
    ]),
  );
}

export const semverFunctions: FunctionGroup = {
  semver: (_context, s = null) => versionStruct(parseVersion(text(s, 'semver'))),
  semverCompare: (_context, constraint = null, version = null) => semverCompare(text(constraint, 'semverCompare'), text(version, 'semverCompare')),
};
