import { governingService, serviceNameRange } from '../kubernetes/governing-service';
import { formatLabels, labelsOf } from '../kubernetes/label-selector';
import { defineResourceRule } from '../rule';

export const serviceSelectorMismatch = defineResourceRule({
  id: 'service-selector-mismatch',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'The governing Service has no selector, or its selector does not pick the pods.',
  docs: {
    rationale:
      'A headless Service publishes DNS records only for the pods its selector picks. If the selector is missing or names labels the pod template does not carry, the pods get no DNS names even though the Service exists. Every `key: value` of the Service selector must be among `spec.template.metadata.labels` of the StatefulSet.',
    bad: 'kind: Service\nspec:\n  clusterIP: None\n  selector:\n    app: nginx\n---\nkind: StatefulSet\nspec:\n  serviceName: web\n  template:\n    metadata:\n      labels:\n        app: web',
    good: 'kind: Service\nspec:\n  clusterIP: None\n  selector:\n    app: web\n---\nkind: StatefulSet\nspec:\n  serviceName: web\n  template:\n    metadata:\n      labels:\n        app: web',
  },
  check(context) {
    const governing = governingService(context);
    if (governing.state !== 'found' || governing.selects) return [];
    const { service } = governing;
    const podLabels = labelsOf(context.resource.object.spec?.template?.metadata?.labels);
    const selector = labelsOf(service.object.spec?.selector);
    const problem =
      Object.keys(selector).length === 0
        ? `has no selector, so it selects no pods`
        : `selects ${formatLabels(selector)}, which the pod template labels (${formatLabels(podLabels)}) do not match`;
    const advice =
      Object.keys(podLabels).length > 0
        ? `Set its selector to labels of the pod template, such as ${formatLabels(podLabels)}.`
        : 'The pod template has no labels: add some to spec.template.metadata.labels and select them.';
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
      },
    ];
  },
});
