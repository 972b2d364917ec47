/*
 * The name formats of the Kubernetes API (k8s.io/apimachinery util/validation). Lengths are
 * counted in UTF-16 units rather than bytes; any non-ASCII character fails the patterns anyway.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** The name part of a label key, and a non-empty label value. */
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** Printable ASCII, space included, except '='. */
const RELAXED_ENV_VAR_NAME = /^[\x20-\x3c\x3e-\x7e]+$/;

/** RFC 1123 label, the form of Service names and pod hostnames: at most 63 characters. */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** RFC 1035 label, the form of Service object names: a DNS label that starts with a letter. */
export function isDns1035Label(value: string): boolean {
  return value.length <= 63 && DNS1035_LABEL.test(value);
}

/** A key of a Secret's or ConfigMap's data: letters, digits, '-', '_' and '.', not '.' or '..'-prefixed. */
export function isConfigKey(key: string): boolean {
  return key.length <= 253 && CONFIG_KEY.test(key) && key !== '.' && !key.startsWith('..');
}

/** RFC 1123 subdomain: dot-separated labels, at most 253 characters. */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && DNS1123_SUBDOMAIN.test(value);
}

/** IANA service name, the form of named ports: at most 15 characters, with a letter, no `--`. */
export function isIanaServiceName(value: string): boolean {
  return (
    value.length <= 15 &&
    /^[-a-z0-9]+$/.test(value) &&
    /[a-z]/.test(value) &&
    !value.includes('--') &&
    !value.startsWith('-') &&
    !value.endsWith('-')
  );
}

/**
 * An environment variable name. `relaxed` is the rule of Kubernetes 1.34 and later (any
 * printable ASCII but '='); the older rule is a C-like identifier that may hold '-' and '.',
 * and must not be '.', '..' or start with '..'.
 */
export function isEnvVarName(value: string, relaxed: boolean): boolean {
  if (relaxed) return RELAXED_ENV_VAR_NAME.test(value);
  return ENV_VAR_NAME.test(value) && value !== '.' && !value.startsWith('..');
}

/** A label key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
export function isLabelKey(value: string): boolean {
  const parts = value.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  const prefixValid = parts.length === 1 || isDns1123Subdomain(parts[0]);
  return prefixValid && name.length <= 63 && QUALIFIED_NAME.test(name);
}

/** A label value: empty, or at most 63 characters starting and ending with a letter or digit. */
export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && QUALIFIED_NAME.test(value));
}
