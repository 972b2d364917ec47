import type { Field, FieldTable, TypeEntry } from './field-table-types';

/**
 * Corrections to the table generated from kubernetes-types 1.30.0, the newest release of that
 * package. Each entry names the Kubernetes release it follows; a manifest valid on 1.34 must
 * never get `unknown-field`.
 */

/** Types introduced after 1.30 that the added fields below refer to. */
const ADDED_TYPES: Record<string, TypeEntry> = {
  'core/v1.ImageVolumeSource': {
    description: 'An OCI image or artifact mounted read-only as a volume (alpha in 1.31, beta in 1.33).',
    fields: {
      reference: { type: 'string', description: 'The image or artifact reference to pull, as for a container image.' },
      pullPolicy: {
        type: 'string',
        values: ['Always', 'Never', 'IfNotPresent'],
        description: 'When to pull the image: Always, Never or IfNotPresent.',
      },
    },
  },
  'core/v1.FileKeySelector': {
    description: 'Selects a key of an env file in a volume (alpha in 1.34).',
    fields: {
      volumeName: { type: 'string', required: true, description: 'The volume holding the env file.' },
      path: { type: 'string', required: true, description: 'Path of the env file inside the volume.' },
      key: { type: 'string', required: true, description: 'The key whose value is used.' },
      optional: { type: 'boolean', description: 'Whether the file or key may be missing.' },
    },
  },
  'core/v1.ContainerRestartRule': {
    description: 'A rule deciding whether a container is restarted when it exits (alpha in 1.34).',
    fields: {
      action: { type: 'string', required: true, description: 'What to do when the rule matches: Restart.' },
      exitCodes: {
        type: 'object',
        ref: 'core/v1.ContainerRestartRuleOnExitCodes',
        description: 'The exit codes the rule matches.',
      },
    },
  },
  'core/v1.ContainerRestartRuleOnExitCodes': {
    description: 'Exit codes a container restart rule matches.',
    fields: {
      operator: { type: 'string', required: true, values: ['In', 'NotIn'], description: 'In or NotIn.' },
      values: { type: 'array', items: { type: 'integer' }, description: 'The exit codes.' },
    },
  },
};

/** Fields added after 1.30, by the type that gained them. */
const ADDED_FIELDS: Record<string, Record<string, Field>> = {
  'core/v1.PodSpec': {
    resources: {
      type: 'object',
      ref: 'core/v1.ResourceRequirements',
      since: '1.32',
      description: 'Resources for the whole pod, shared by its containers (alpha in 1.32, beta in 1.34).',
    },
    hostnameOverride: {
      type: 'string',
      since: '1.34',
      description: "Sets the pod's hostname, replacing the one derived from its name (alpha in 1.34).",
    },
  },
  'core/v1.PodSecurityContext': {
    supplementalGroupsPolicy: {
      type: 'string',
      values: ['Merge', 'Strict'],
      since: '1.31',
      description: 'How supplemental groups of the first container process are computed (alpha in 1.31, beta in 1.33).',
    },
    seLinuxChangePolicy: {
      type: 'string',
      values: ['MountOption', 'Recursive'],
      since: '1.32',
      description: 'How the SELinux label is applied to volumes (alpha in 1.32, beta in 1.33).',
    },
  },
  // A pod's Volume declares its source fields inline.
  'core/v1.Volume': {
    image: {
      type: 'object',
      ref: 'core/v1.ImageVolumeSource',
      since: '1.31',
      description: 'An OCI image or artifact mounted as a volume (alpha in 1.31, beta in 1.33).',
    },
  },
  'core/v1.Lifecycle': {
    stopSignal: {
      type: 'string',
      since: '1.33',
      description: 'The signal sent to stop the container, such as SIGTERM (alpha in 1.33).',
    },
  },
  'core/v1.EnvVarSource': {
    fileKeyRef: {
      type: 'object',
      ref: 'core/v1.FileKeySelector',
      since: '1.34',
      description: 'Reads the value from a key of an env file in a volume (alpha in 1.34).',
    },
  },
  'core/v1.Container': {
    restartPolicyRules: {
      type: 'array',
      items: { type: 'object', ref: 'core/v1.ContainerRestartRule' },
      since: '1.34',
      description: 'Rules deciding, from its exit code, whether a container is restarted (alpha in 1.34).',
    },
  },
  'core/v1.ResourceClaim': {
    request: {
      type: 'string',
      since: '1.31',
      description: 'The request of the resource claim the container uses (dynamic resource allocation, 1.31).',
    },
  },
  'core/v1.PodResourceClaim': {
    resourceClaimName: {
      type: 'string',
      since: '1.31',
      description: 'The ResourceClaim this pod uses (replaced `source` in 1.31).',
    },
    resourceClaimTemplateName: {
      type: 'string',
      since: '1.31',
      description: 'The ResourceClaimTemplate a claim for this pod is made from (replaced `source` in 1.31).',
    },
  },
  'autoscaling/v2.HPAScalingRules': {
    tolerance: {
      type: 'quantity',
      since: '1.33',
      description: 'How far the metric may be from its target before the autoscaler acts (alpha in 1.33).',
    },
  },
};

/** Required flags that differ from the generated table, with the reason. */
const REQUIREMENT_CHANGES: [typeId: string, field: string, required: boolean][] = [
  // Optional in the API since 1.33; a missing one is `service-name-missing`'s warning.
  ['apps/v1.StatefulSetSpec', 'serviceName', false],
  // Optional in the Container type for higher-level tools, but pod validation requires it.
  ['core/v1.Container', 'image', true],
];

export function applyOverlay(table: FieldTable): FieldTable {
  const types: Record<string, TypeEntry> = { ...table.types, ...ADDED_TYPES };
  for (const [typeId, fields] of Object.entries(ADDED_FIELDS)) {
    types[typeId] = { ...types[typeId], fields: { ...types[typeId]?.fields, ...fields } };
  }
  for (const [typeId, name, required] of REQUIREMENT_CHANGES) {
    const field = types[typeId]?.fields[name];
    if (field) types[typeId] = { ...types[typeId], fields: { ...types[typeId].fields, [name]: { ...field, required } } };
  }
  return { ...table, types };
}

/** Every field the overlay adds, as `type.field`, for tests. */
export const OVERLAY_FIELDS = Object.entries(ADDED_FIELDS).flatMap(([typeId, fields]) =>
  Object.keys(fields).map((field) => `${typeId}.${field}`),
);
