/**
 * A generated workspace for comparing the light index with full analysis: per application a
 * StatefulSet reading a Service, a Secret, a ConfigMap, a StorageClass, claims and a budget in
 * files of their own, with mistakes on some (a missing Service, a budget selecting nothing, a
 * missing Secret key), plus a kustomization and a chart folder.
 */
export function generatedWorkspace(apps: number): Map<string, string> {
  const files = new Map<string, string>();
  const add = (path: string, text: string) => files.set(`file:///repo/${path}`, text);
  add('storage/classes.yaml', 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: ebs.csi.aws.com\nallowVolumeExpansion: true\n');
  for (let index = 0; index < apps; index++) {
    const name = `app-${index}`;
    const folder = `apps/${name}`;
    const service = index % 7 === 3 ? `${name}-missing` : `${name}-headless`;
    add(`${folder}/statefulset.yaml`, statefulSet(name, service, index));
    add(`${folder}/service.yaml`, `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}-headless\n  labels:\n    app: ${name}\nspec:\n  clusterIP: None\n  selector:\n    app: ${name}\n  ports:\n    - port: 5432\n      name: db\n`);
    add(`${folder}/secret.yaml`, `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}-credentials\ntype: Opaque\nstringData:\n  ${index % 5 === 2 ? 'user' : 'password'}: "not-a-real-one"\n`);
    add(`${folder}/config.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-config\ndata:\n  mode: primary\n  script: |\n    echo start\n    exec run\n`);
    add(`${folder}/claim.yaml`, `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}-backup\nspec:\n  storageClassName: ${index % 4 === 1 ? 'slow' : 'fast'}\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 10Gi\n`);
    add(`${folder}/budget.yaml`, `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${name}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: ${index % 6 === 4 ? 'nobody' : name}\n`);
  }
  add('overlays/prod/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../apps/app-0\npatches:\n  - path: replicas.yaml\n');
  add('overlays/prod/replicas.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: app-0\nspec:\n  replicas: 5\n');
  add('charts/db/Chart.yaml', 'apiVersion: v2\nname: db\nversion: 1.0.0\n');
  add('charts/db/values.yaml', 'replicas: 3\nimage:\n  tag: "16"\n');
  add('charts/db/templates/statefulset.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n');
  return files;
}

function statefulSet(name: string, service: string, index: number): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
  namespace: ${index % 3 === 0 ? 'data' : 'default'}
spec:
  serviceName: ${service}
  replicas: ${1 + (index % 3)}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: db
          image: postgres:16
          env:
            - name: PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${name}-credentials
                  key: password
          envFrom:
            - configMapRef:
                name: ${name}-config
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        storageClassName: ${index % 4 === 1 ? 'slow' : 'fast'}
        resources:
          requests:
            storage: 1Gi
`;
}
