import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/replicas-with-hpa';

testRule('replicas-with-hpa', {
  valid: [
    { name: 'replicas left to the autoscaler', files: [`${DIR}/without-replicas.yaml`, `${DIR}/hpa.yaml`] },
    {
      name: 'autoscalers of the same name in another namespace, or for a Deployment',
      files: [`${DIR}/statefulset.yaml`, `${DIR}/hpa-in-staging.yaml`, `${DIR}/hpa-for-deployment.yaml`],
    },
  ],
  invalid: [
    {
      name: 'an autoscaling/v2 autoscaler in another file',
      files: [`${DIR}/statefulset.yaml`, `${DIR}/hpa.yaml`],
      findings: [
        {
          range: '7:3-7:14',
          message:
            "HorizontalPodAutoscaler 'web' scales this StatefulSet, but the manifest sets replicas: 3, so each apply resets the count the autoscaler chose. Remove spec.replicas and let the autoscaler own it.",
          related: [{ file: `${DIR}/hpa.yaml`, range: '6:3-6:17' }],
        },
      ],
    },
    {
      name: 'an autoscaling/v1 autoscaler in the same file, whose target names no apiVersion',
      files: [`${DIR}/same-file-v1.yaml`],
      findings: [
        {
          range: '8:3-8:14',
          message:
            "HorizontalPodAutoscaler 'queue-workers' scales this StatefulSet, but the manifest sets replicas: 2, so each apply resets the count the autoscaler chose. Remove spec.replicas and let the autoscaler own it.",
          related: [{ file: `${DIR}/same-file-v1.yaml`, range: '27:3-27:17' }],
        },
      ],
    },
  ],
});
