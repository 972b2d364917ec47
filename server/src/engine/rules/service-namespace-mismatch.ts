import { governingService, serviceNameRange } from '../kubernetes/governing-service';
import { defineResourceRule } from '../rule';

export const serviceNamespaceMismatch = defineResourceRule({
  id: 'service-namespace-mismatch',
  kind: 'StatefulSet',
  severity: 'warning',
  description: 'The Service named by `spec.serviceName` exists only in other namespaces.',
  docs: {
    rationale:
      'A StatefulSet can only be governed by a Service in its own namespace. A Service of the right name in another namespace gives the pods no DNS names. Manifests without `metadata.namespace` are taken to be in `kubeStateful.defaultNamespace` (`default` unless you change it).',
    bad: 'kind: Service\nmetadata:\n  name: web\n  namespace: shop\n---\nkind: StatefulSet\nmetadata:\n  name: web\n  namespace: storage\nspec:\n  serviceName: web',
    good: 'kind: Service\nmetadata:\n  name: web\n  namespace: storage\n---\nkind: StatefulSet\nmetadata:\n  name: web\n  namespace: storage\nspec:\n  serviceName: web',
  },
  check(context) {
    const governing = governingService(context);
    if (governing.state !== 'other-namespaces') return [];
    const elsewhere = governing.namespaces.map((namespace) => `'${namespace}'`).join(', ');
    const plural = governing.namespaces.length > 1 ? 'namespaces' : 'namespace';
    return [
      {
        range: serviceNameRange(context.resource),
        message: `Service '${governing.name}' exists only in ${plural} ${elsewhere}, not in '${context.namespace}' where this StatefulSet runs. Create the headless Service in '${context.namespace}', or put both in the same namespace.`,
      },
    ];
  },
});
