package dev.capstan.kustomize.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random but valid kustomizations (a base with assorted resources and an overlay using the
 * core transformer fields) for differential testing against kubectl. Scalars are chosen to stress
 * the emitter: strings that read as other types, long strings, multi-line text, quotes, unicode.
 */
final class KustomizationGenerator {
  private static final String[] TRICKY = {
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "true",
    "False",
    "null",
    "~",
    "",
    " ",
    "1",
    "1.0",
    "012",
    "0x1F",
    "1e3",
    "1_000",
    "12:30",
    "2024-01-02",
    "2024-01-02T10:00:00Z",
    "-",
    "- x",
    "a: b",
    "a #b",
    "#c",
    "*x",
    "&y",
    "!t",
    "|p",
    ">f",
    "%p",
    "@a",
    "`b",
    "'q'",
    "\"d\"",
    "x\"y",
    "it's",
    "trailing ",
    " leading",
    "tab\there",
    "multi\nline\n",
    "multi\nline no newline",
    "two trailing\n\n",
    "\nleading newline",
    "  indented\nsecond",
    "uni \u00e9\u4e2d",
    "emoji \ud83d\ude00",
    "nbsp\u00a0x",
    "back\\slash",
    "colon:",
    "?q",
    ":c",
    "[a]",
    "{b}",
    "a,b",
    "---",
    "...x",
    "1.5",
    "-7",
    "+3",
    ".5",
    ".inf",
    "NaN",
    "0o17",
    "0b101",
    "1:2:3",
    "null ",
    "Yes please",
    "this is a long description that goes on and on so that it passes the eighty column limit of go-yaml folding",
    "averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutspaces and more",
    "long 'single quoted' text with a colon: here and a hash # there, long enough to fold at eighty columns ok",
    "line one\nline two is long long long long long long long long long long long long long long long long\n",
  };

  private final Random rnd;

  KustomizationGenerator(long seed) {
    this.rnd = new Random(seed);
  }

  private String pick(String... options) {
    return options[rnd.nextInt(options.length)];
  }

  private String tricky() {
    return TRICKY[rnd.nextInt(TRICKY.length)];
  }

  /** A YAML double-quoted scalar for any string. */
  static String q(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private String name() {
    return pick("web", "api", "db", "cache", "worker", "app-config", "creds", "sa", "front-end");
  }

  /** Writes base/ and overlay/ under {@code root}; returns the overlay directory. */
  Path write(Path root) throws IOException {
    Path base = Files.createDirectories(root.resolve("base"));
    Path overlay = Files.createDirectories(root.resolve("overlay"));
    List<String> docs = new ArrayList<>();
    int n = 2 + rnd.nextInt(5);
    List<String> used = new ArrayList<>();
    String cm = "cm-" + name();
    String secret = "secret-" + name();
    String sa = "sa-" + name();
    docs.add(configMap(cm));
    docs.add(secret(secret));
    docs.add(serviceAccount(sa));
    for (int i = 0; i < n; i++) {
      String nm = name() + "-" + i;
      used.add(nm);
      docs.add(
          switch (rnd.nextInt(7)) {
            case 0 -> deployment(nm, cm, secret, sa);
            case 1 -> service(nm);
            case 2 -> statefulSet(nm, cm, sa);
            case 3 -> cronJob(nm, secret);
            case 4 -> roleBinding(nm, sa);
            case 5 -> custom(nm);
            default -> namespace(nm);
          });
    }
    Files.writeString(base.resolve("resources.yaml"), String.join("---\n", docs));
    StringBuilder bk = new StringBuilder("resources:\n- resources.yaml\n");
    if (rnd.nextBoolean()) {
      bk.append("commonLabels:\n  app: ").append(q(tricky())).append('\n');
    }
    Files.writeString(base.resolve("kustomization.yaml"), bk.toString());

    StringBuilder ok = new StringBuilder("resources:\n- ../base\n");
    if (rnd.nextBoolean()) {
      ok.append("namePrefix: ").append(pick("dev-", "p-", "x")).append('\n');
    }
    if (rnd.nextBoolean()) {
      ok.append("nameSuffix: ").append(pick("-v1", "-s", "2")).append('\n');
    }
    if (rnd.nextBoolean()) {
      ok.append("namespace: ").append(pick("prod", "staging", "default")).append('\n');
    }
    if (rnd.nextBoolean()) {
      ok.append("commonLabels:\n  env: ").append(q(tricky())).append('\n');
    }
    if (rnd.nextBoolean()) {
      ok.append("labels:\n- pairs:\n    team: ")
          .append(q(tricky()))
          .append("\n  includeSelectors: ")
          .append(rnd.nextBoolean())
          .append("\n  includeTemplates: ")
          .append(rnd.nextBoolean())
          .append('\n');
    }
    if (rnd.nextBoolean()) {
      ok.append("commonAnnotations:\n  note: ")
          .append(q(tricky()))
          .append("\n  other: ")
          .append(q(tricky()))
          .append('\n');
    }
    if (rnd.nextBoolean()) {
      ok.append("images:\n- name: nginx\n  newTag: ")
          .append(q(pick("1.25", "latest", "v2")))
          .append("\n- name: busybox\n  newName: registry.example.com/busybox\n");
    }
    if (rnd.nextBoolean() && !used.isEmpty()) {
      ok.append("replicas:\n- name: ")
          .append(used.get(0))
          .append("\n  count: ")
          .append(rnd.nextInt(5))
          .append('\n');
    }
    Files.writeString(overlay.resolve("kustomization.yaml"), ok.toString());
    return overlay;
  }

  /**
   * Writes a richer layout under {@code root}: two bases (one diamond-shared), a component, an
   * overlay with name-referencing kinds (Ingress, HPA, RBAC, PVC, webhooks), custom configurations,
   * labels with fields, sortOptions; returns the overlay directory.
   */
  Path writeComplex(Path root) throws IOException {
    Path base = Files.createDirectories(root.resolve("base"));
    Path other = Files.createDirectories(root.resolve("other"));
    Path comp = Files.createDirectories(root.resolve("comp"));
    Path overlay = Files.createDirectories(root.resolve("overlay"));
    String svc = "svc-" + name();
    String sec = "tls-" + name();
    List<String> docs = new ArrayList<>();
    docs.add(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: "
            + svc
            + "\nspec:\n  ports:\n  - port: 80\n");
    docs.add(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + sec + "\ntype: kubernetes.io/tls\n");
    docs.add(
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing\n"
            + "  annotations:\n    nginx.ingress.kubernetes.io/auth-secret: "
            + sec
            + "\n"
            + "spec:\n  tls:\n  - secretName: "
            + sec
            + "\n    hosts: [a.example.com]\n"
            + "  defaultBackend:\n    service:\n      name: "
            + svc
            + "\n      port: {number: 80}\n"
            + "  rules:\n  - host: a.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n"
            + "        backend:\n          service:\n            name: "
            + svc
            + "\n            port: {number: 80}\n");
    docs.add(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n"
            + "  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n"
            + "        image: "
            + pick("nginx:1.19", "registry.example.com:5000/nginx:1.2", "nginx@sha256:abcdef")
            + "\n"
            + "      volumes:\n      - name: d\n        persistentVolumeClaim:\n          claimName: data\n"
            + "      - name: s\n        projected:\n          sources:\n          - secret:\n              name: "
            + sec
            + "\n");
    docs.add(
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n"
            + "  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplicas: 3\n");
    docs.add(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: fast\n"
            + "  resources:\n    requests:\n      storage: 1Gi\n");
    docs.add(
        "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: x\n");
    docs.add(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\nrules:\n"
            + "- apiGroups: ['']\n  resources: [secrets]\n  resourceNames: ["
            + sec
            + "]\n  verbs: [get]\n");
    docs.add(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: reader\n"
            + "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: reader\n"
            + "subjects:\n- kind: ServiceAccount\n  name: runner\n"
            + pick("", "  namespace: default\n", "  namespace: elsewhere\n"));
    docs.add(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: viewer\nrules: []\n");
    docs.add(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: viewer\n"
            + "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: viewer\n"
            + "subjects:\n- kind: ServiceAccount\n  name: runner\n  namespace: default\n");
    docs.add("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n");
    docs.add(
        "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: hook\n"
            + "webhooks:\n- name: v.example.com\n  clientConfig:\n    service:\n      name: "
            + svc
            + "\n      namespace: default\n");
    Files.writeString(base.resolve("r.yaml"), String.join("---\n", docs));
    Files.writeString(
        base.resolve("kustomization.yaml"),
        "resources:\n- r.yaml\n"
            + (rnd.nextBoolean() ? "namePrefix: b-\n" : "")
            + (rnd.nextBoolean() ? "namespace: base-ns\n" : ""));
    Files.writeString(
        other.resolve("r.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\ndata:\n  k: "
            + q(tricky())
            + "\n");
    Files.writeString(
        other.resolve("kustomization.yaml"),
        "resources:\n- r.yaml\n" + (rnd.nextBoolean() ? "nameSuffix: -o\n" : ""));
    Files.writeString(
        comp.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
            + "commonAnnotations:\n  comp: "
            + q(tricky())
            + "\n"
            + (rnd.nextBoolean() ? "namePrefix: c-\n" : ""));
    Files.writeString(
        overlay.resolve("conf.yaml"),
        "commonLabels:\n- path: spec/extra/labels\n  create: true\n  kind: Widget\n"
            + "nameReference:\n- kind: ConfigMap\n  version: v1\n  fieldSpecs:\n  - path: spec/configName\n    kind: Widget\n");
    Files.writeString(
        overlay.resolve("w.yaml"),
        "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  configName: shared\n");
    StringBuilder k = new StringBuilder("resources:\n- ../base\n- ../other\n- w.yaml\n");
    if (rnd.nextBoolean()) {
      k.append("components:\n- ../comp\n");
    }
    k.append("configurations:\n- conf.yaml\n");
    if (rnd.nextBoolean()) {
      k.append("namePrefix: ").append(pick("o-", "prod-")).append('\n');
    }
    if (rnd.nextBoolean()) {
      k.append("namespace: ").append(pick("prod", "default", "elsewhere")).append('\n');
    }
    if (rnd.nextBoolean()) {
      k.append("commonLabels:\n  app: ").append(q(pick("x", "web", "1a"))).append('\n');
    }
    if (rnd.nextBoolean()) {
      k.append("labels:\n- pairs: {owner: ")
          .append(q(tricky()))
          .append(
              "}\n  fields:\n  - path: spec/owner/labels\n    kind: Widget\n    create: true\n");
    }
    if (rnd.nextBoolean()) {
      k.append("images:\n- name: ")
          .append(pick("nginx", "registry.example.com:5000/nginx"))
          .append("\n  ")
          .append(pick("newTag: \"2.0\"", "digest: sha256:ffff", "newName: mirror/nginx"))
          .append('\n');
    }
    if (rnd.nextBoolean()) {
      k.append("replicas:\n- name: web\n  count: ").append(rnd.nextInt(9)).append('\n');
    }
    if (rnd.nextInt(3) == 0) {
      k.append(
          pick(
              "sortOptions:\n  order: fifo\n",
              "sortOptions:\n  order: legacy\n  legacySortOptions:\n    orderFirst: [Ingress, Service]\n    orderLast: [ServiceAccount]\n"));
    }
    Files.writeString(overlay.resolve("kustomization.yaml"), k.toString());
    return overlay;
  }

  private String labels() {
    return "  labels:\n    tier: " + q(tricky()) + "\n";
  }

  private String configMap(String nm) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + nm
        + "\n"
        + labels()
        + "data:\n  a: "
        + q(tricky())
        + "\n  b: "
        + q(tricky())
        + "\n  c: "
        + q(tricky())
        + "\n  num: "
        + pick("1", "1.0", "2.50", "-3", "1e3", "0.000001", "12345678.5")
        + "\n";
  }

  private String secret(String nm) {
    return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: "
        + nm
        + "\ntype: Opaque\n"
        + "stringData:\n  password: "
        + q(tricky())
        + "\n";
  }

  private String serviceAccount(String nm) {
    return "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: " + nm + "\n";
  }

  private String deployment(String nm, String cm, String secret, String sa) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "
        + nm
        + "\n"
        + "  annotations:\n    description: "
        + q(tricky())
        + "\n"
        + "spec:\n  replicas: "
        + rnd.nextInt(4)
        + "\n  selector:\n    matchLabels:\n      app: "
        + nm
        + "\n  template:\n    metadata:\n      labels:\n        app: "
        + nm
        + "\n    spec:\n"
        + "      serviceAccountName: "
        + sa
        + "\n"
        + "      containers:\n      - name: main\n        image: "
        + pick("nginx", "nginx:1.19", "busybox", "nginx@sha256:abc")
        + "\n        args: ["
        + q(tricky())
        + ", "
        + q(tricky())
        + "]\n"
        + "        envFrom:\n        - configMapRef:\n            name: "
        + cm
        + "\n"
        + "        env:\n        - name: X\n          valueFrom:\n            secretKeyRef:\n              name: "
        + secret
        + "\n              key: password\n"
        + "        ports:\n        - containerPort: "
        + (8000 + rnd.nextInt(100))
        + "\n"
        + "      volumes:\n      - name: cfg\n        configMap:\n          name: "
        + cm
        + "\n";
  }

  private String service(String nm) {
    return "apiVersion: v1\nkind: Service\nmetadata:\n  name: "
        + nm
        + "\nspec:\n  selector:\n    app: "
        + nm
        + "\n  ports:\n  - port: 80\n    targetPort: "
        + pick("8080", "http", "\"8080\"")
        + "\n";
  }

  private String statefulSet(String nm, String cm, String sa) {
    return "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: "
        + nm
        + "\nspec:\n  serviceName: "
        + nm
        + "\n  selector:\n    matchLabels:\n      app: "
        + nm
        + "\n  template:\n    metadata:\n      labels:\n        app: "
        + nm
        + "\n    spec:\n      serviceAccountName: "
        + sa
        + "\n      containers:\n      - name: c\n        image: busybox\n"
        + "        command: [\"sh\", \"-c\", "
        + q(tricky())
        + "]\n"
        + "  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n"
        + "      resources:\n        requests:\n          storage: 1Gi\n";
  }

  private String cronJob(String nm, String secret) {
    return "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: "
        + nm
        + "\nspec:\n  schedule: "
        + q(pick("*/5 * * * *", "0 0 * * 0"))
        + "\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n"
        + "          containers:\n          - name: job\n            image: nginx\n            env:\n            - name: P\n"
        + "              valueFrom:\n                secretKeyRef:\n                  name: "
        + secret
        + "\n                  key: password\n";
  }

  private String roleBinding(String nm, String sa) {
    return "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: "
        + nm
        + "\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\n"
        + "subjects:\n- kind: ServiceAccount\n  name: "
        + sa
        + "\n- kind: ServiceAccount\n  name: default\n";
  }

  private String custom(String nm) {
    return "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: "
        + nm
        + "\nspec:\n  size: "
        + pick("1", "1.5", "2.0", "100000000000", "-0.5")
        + "\n  enabled: "
        + pick("true", "false", "null")
        + "\n  text: "
        + q(tricky())
        + "\n  list:\n  - "
        + q(tricky())
        + "\n  - ["
        + q(tricky())
        + "]\n  - {}\n  - []\n"
        + "  nested:\n    empty: {}\n    none: []\n    \"key with spaces\": 1\n    \"yes\": "
        + q(tricky())
        + "\n";
  }

  private String namespace(String nm) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-" + nm + "\n";
  }
}
