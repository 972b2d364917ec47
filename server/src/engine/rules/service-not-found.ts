import { governingService, serviceNameRange } from '../kubernetes/governing-service';
import { formatLabels, labelsOf } from '../kubernetes/label-selector';
import { defineResourceRule } from '../rule';

export const serviceNotFound = defineResourceRule({
  id: 'service-not-found',
  kind: 'StatefulSet',
  severity: 'warning',
  description: 'No Service named by `spec.serviceName` exists in the workspace.',
  docs: {
    rationale:
      'The StatefulSet controller does not create the governing Service: you must. Until a headless Service of that name exists in the namespace, the pods\' DNS names do not resolve and peers cannot find each other. Kube Stateful looks for the Service in every YAML file of the workspace (or every file given to `kube-stateful lint`); if yours is created elsewhere, turn this rule off in `kubeStateful.rules`.',
    bad: '# no Service named "web" anywhere\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n---\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web',
  },
  check(context) {
    const governing = governingService(context);
    if (governing.state !== 'not-found') return [];
    const labels = labelsOf(context.resource.object.spec?.template?.metadata?.labels);
    const selectorAdvice =
      Object.keys(labels).length > 0 ? `whose selector matches the pod labels ${formatLabels(labels)}` : 'that selects the pods';
    const taken = governing.governsOthers.map((service) => `'${fileName(service.uri)}'`).join(', ');
    const elsewhere = taken
      ? ` The Service '${governing.name}' in ${taken} selects the pods of another StatefulSet, not these.`
      : '';
    return [
      {
        range: serviceNameRange(context.resource),
        message: `No Service named '${governing.name}' governs this StatefulSet in namespace '${context.namespace}'.${elsewhere} Create a headless Service (clusterIP: None) named '${governing.name}' in '${context.namespace}' ${selectorAdvice}.`,
        fix: { serviceName: governing.name, namespace: context.namespace },
      },
    ];
  },
});

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
