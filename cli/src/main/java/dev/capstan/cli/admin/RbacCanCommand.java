package dev.capstan.cli.admin;

import dev.capstan.cli.server.KubeClients;
import dev.capstan.server.rbac.RbacConfigWatch;
import dev.capstan.server.rbac.RbacException;
import dev.capstan.server.rbac.RbacPolicy;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan admin rbac can SUBJECT ACTION RESOURCE [OBJECT]}: prints {@code Yes} or {@code No}
 * like {@code argocd admin settings rbac can}. The policy comes from {@code --policy-file} (a CSV
 * policy, or a ConfigMap manifest whose {@code policy.csv}, {@code policy.default} and {@code
 * scopes} are used) or from {@code capstan-rbac-cm} in the cluster. {@code --default-role}
 * overrides {@code policy.default}. Exit code 0 either way; {@code --exit-code} makes No exit 1.
 */
@Command(
    name = "can",
    mixinStandardHelpOptions = true,
    description = "Check whether a subject may do an action on a resource.")
public final class RbacCanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "User, group or role (e.g. role:readonly).")
  String subject;

  @Parameters(
      index = "1",
      description = "Action: get, create, update, delete, sync, override, action/..., ...")
  String action;

  @Parameters(
      index = "2",
      description =
          "Resource: applications, projects, repositories, clusters, logs, exec, accounts, ...")
  String resource;

  @Parameters(
      index = "3",
      arity = "0..1",
      defaultValue = "",
      description = "Object, e.g. PROJECT/APP.")
  String object;

  @Option(
      names = "--policy-file",
      description = "A policy.csv file or an RBAC ConfigMap manifest (YAML or JSON).")
  Path policyFile;

  @Option(names = "--default-role", description = "Default role, overriding policy.default.")
  String defaultRole;

  @Option(
      names = "--kubeconfig",
      description = "Kubeconfig file, when reading capstan-rbac-cm from the cluster.")
  Path kubeconfig;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = "capstan",
      description = "Namespace of capstan-rbac-cm (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--exit-code", description = "Exit 1 when the answer is No.")
  boolean exitCode;

  @Override
  public Integer call() throws IOException {
    Map<String, String> data =
        new HashMap<>(policyFile != null ? fromFile(policyFile) : fromCluster());
    if (defaultRole != null) {
      data.put("policy.default", defaultRole);
    }
    RbacPolicy policy;
    try {
      policy = RbacPolicy.fromConfigMap(data);
    } catch (RbacException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    boolean yes = policy.can(subject, resource, action, object);
    PrintWriter out = spec.commandLine().getOut();
    out.println(yes ? "Yes" : "No");
    out.flush();
    return yes || !exitCode ? 0 : 1;
  }

  private static Map<String, String> fromFile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--policy-file " + file + ": no such file");
    }
    String text = Files.readString(file);
    if (text.lines().anyMatch(l -> l.strip().matches("\"?kind\"?\\s*:\\s*\"?ConfigMap\"?,?"))) {
      ConfigMap cm = Serialization.unmarshal(text, ConfigMap.class);
      return cm.getData() == null ? Map.of() : cm.getData();
    }
    return Map.of("policy.csv", text);
  }

  private Map<String, String> fromCluster() {
    try (KubernetesClient client = KubeClients.connect(kubeconfig)) {
      ConfigMap cm =
          client.configMaps().inNamespace(namespace).withName(RbacConfigWatch.CONFIG_MAP).get();
      if (cm == null) {
        throw new IllegalArgumentException(
            "ConfigMap/"
                + namespace
                + "/"
                + RbacConfigWatch.CONFIG_MAP
                + " not found (use --policy-file or -n)");
      }
      return cm.getData() == null ? Map.of() : cm.getData();
    } catch (KubernetesClientException e) {
      throw new IllegalArgumentException(
          "reading ConfigMap/"
              + namespace
              + "/"
              + RbacConfigWatch.CONFIG_MAP
              + " failed: "
              + e.getMessage(),
          e);
    }
  }
}
