import { governingService, serviceNameRange } from '../kubernetes/governing-service';
import { defineResourceRule } from '../rule';

export const serviceNotHeadless = defineResourceRule({
  id: 'service-not-headless',
  kind: 'StatefulSet',
  severity: 'error',
  description: 'The Service named by `spec.serviceName` is not headless (`clusterIP: None`).',
  docs: {
    rationale:
      'Only a headless Service, one with `clusterIP: None`, publishes a DNS record for each pod. With a cluster IP, the name resolves to one virtual address that load-balances across the pods, so `web-0.web` does not exist and databases that address their peers by name cannot form a cluster. `clusterIP` cannot be changed on a live Service: delete and recreate it. Keep a second, ordinary Service if clients need a load-balanced address.',
    bad: 'kind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web',
    good: 'kind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web',
  },
  check(context) {
    const governing = governingService(context);
    if (governing.state !== 'found' || governing.headless) return [];
    const { service } = governing;
    const clusterIP = service.object.spec?.clusterIP;
    const type = typeof service.object.spec?.type === 'string' ? service.object.spec.type : 'ClusterIP';
    const now =
      typeof clusterIP === 'string' && clusterIP !== ''
        ? `its clusterIP is '${clusterIP}'`
        : `as a ${type} Service without clusterIP: None it gets a virtual IP`;
    const where = service.field(['spec', 'clusterIP']) ?? service.field(['metadata', 'name']);
    return [
      {
        range: serviceNameRange(context.resource),
        message: `Service '${governing.name}' (namespace '${context.namespace}') is not headless: ${now}. Set clusterIP: None on it so that each pod gets a stable DNS name.`,
        related: [
          {
            uri: service.uri,
            range: where?.pair ?? service.nearest(['spec']),
            message: `Service '${governing.name}' is defined here`,
          },
        ],
        fix: { serviceUri: service.uri },
      },
    ];
  },
});
