import { governingService, serviceNameRange } from '../kubernetes/governing-service';
import { formatLabels, labelsOf } from '../kubernetes/label-selector';
import { defineResourceRule, type ResourceContext } from '../rule';
import type { Resource } from '../document/resource';
import type { Service } from 'kubernetes-types/core/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Severity } from '../types';
import { endpointsKey } from '../workspace/dependencies';

export const serviceSelectorMismatch = defineResourceRule({
  id: 'service-selector-mismatch',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'The governing Service has no selector, or its selector does not pick the pods.',
  docs: {
    rationale:
      'A headless Service publishes DNS records only for the pods its selector picks. If the selector names labels the pod template does not carry, the pods get no DNS names even though the Service exists. Every `key: value` of the Service selector must be among `spec.template.metadata.labels` of the StatefulSet.\n\nA Service without a selector is sometimes meant: an operator such as Patroni, or a hand-written `Endpoints` object, lists its endpoints instead of Kubernetes. When the workspace holds `Endpoints` named like the Service (or an `EndpointSlice` labelled `kubernetes.io/service-name` with its name) in its namespace, there is no finding. Otherwise the missing selector is a warning rather than an error, since the endpoints may be written at run time.',
    bad: 'kind: Service\nspec:\n  clusterIP: None\n  selector:\n    app: nginx\n---\nkind: StatefulSet\nspec:\n  serviceName: web\n  template:\n    metadata:\n      labels:\n        app: web',
    good: 'kind: Service\nspec:\n  clusterIP: None\n  selector:\n    app: web\n---\nkind: StatefulSet\nspec:\n  serviceName: web\n  template:\n    metadata:\n      labels:\n        app: web',
  },
  check(context) {
    const governing = governingService(context);
    if (governing.state !== 'found' || governing.selects) return [];
    const { service } = governing;
    const podLabels = labelsOf(context.resource.object.spec?.template?.metadata?.labels);
    const selector = labelsOf(service.object.spec?.selector);
    const selectorless = Object.keys(selector).length === 0;
    if (selectorless && hasWrittenEndpoints(context, service)) return [];
    const problem = selectorless
      ? `has no selector, so Kubernetes lists none of the pods as its endpoints: they get DNS names only if something else writes its Endpoints`
      : `selects ${formatLabels(selector)}, which the pod template labels (${formatLabels(podLabels)}) do not match`;
    const condition = selectorless ? 'If nothing does, set' : 'Set';
    const advice =
      Object.keys(podLabels).length > 0
        ? `${condition} its selector to labels of the pod template, such as ${formatLabels(podLabels)}.`
        : `The pod template has no labels: add some to spec.template.metadata.labels and select them.`;
    const severity: Severity | undefined = selectorless ? 'warning' : undefined;
    const where = service.field(['spec', 'selector']);
    return [
      {
        range: serviceNameRange(context.resource),
        message: `Service '${governing.name}' ${problem}. ${advice}`,
        related: [
          {
            uri: service.uri,
            range: where?.key ?? service.nearest(['spec', 'selector']),
            message: `The selector of Service '${governing.name}'`,
          },
        ],
        fix: { serviceUri: service.uri, podLabels },
        ...(severity ? { severity } : {}),
      },
    ];
  },
});

/** Whether Endpoints or an EndpointSlice for the Service are defined beside it, in its namespace. */
function hasWrittenEndpoints({ workspace }: ResourceContext<StatefulSet>, service: Resource<Service>): boolean {
  const namespace = workspace.namespaceOf(service);
  return workspace.providersOf(endpointsKey(service.name)).some((endpoints) => workspace.namespaceOf(endpoints) === namespace);
}
