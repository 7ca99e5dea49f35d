package dev.capstan.cli.install;

import dev.capstan.controller.api.CustomResourceDefinitions;
import dev.capstan.controller.api.argo.AppProject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code capstan install} puts into the cluster, in order: the CRDs (which must be Established
 * before anything of their kinds), then the namespace, the controller's ServiceAccount, ClusterRole
 * and ClusterRoleBinding, the config maps and the default AppProject.
 *
 * @param namespace the namespace Capstan is installed into
 * @param crds the CRDs, all owned by Capstan
 * @param objects everything else, in apply order
 */
public record InstallPlan(String namespace, List<PlannedObject> crds, List<PlannedObject> objects) {

  /** The namespace {@code capstan install} uses unless told otherwise. */
  public static final String DEFAULT_NAMESPACE = "capstan";

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final List<String> CAPSTAN_OWNED =
      List.of("namespace", "serviceaccount", "clusterrole", "clusterrolebinding");
  private static final List<String> USER_OWNED =
      List.of("capstan-cm", "capstan-rbac-cm", "default-appproject");

  public InstallPlan {
    crds = List.copyOf(crds);
    objects = List.copyOf(objects);
  }

  /**
   * The plan for a namespace.
   *
   * @throws InstallException if {@code namespace} is not a valid namespace name
   */
  public static InstallPlan forNamespace(String namespace) {
    if (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()) {
      throw new InstallException(
          "--namespace \""
              + namespace
              + "\" is not a valid namespace name (lowercase letters, digits and '-', at most 63)");
    }
    KubernetesSerialization serialization = new KubernetesSerialization();
    List<PlannedObject> crds =
        CustomResourceDefinitions.RESOURCES.stream()
            .map(CustomResourceDefinitions::text)
            .map(
                text ->
                    new PlannedObject(
                        serialization.unmarshal(text, GenericKubernetesResource.class),
                        text,
                        Ownership.CAPSTAN))
            .toList();
    List<PlannedObject> objects =
        Stream.concat(
                CAPSTAN_OWNED.stream()
                    .map(n -> planned(serialization, n, namespace, Ownership.CAPSTAN)),
                USER_OWNED.stream().map(n -> planned(serialization, n, namespace, Ownership.USER)))
            .toList();
    return new InstallPlan(namespace, crds, objects);
  }

  /** Every planned object, CRDs first, in apply order. */
  public List<PlannedObject> all() {
    return Stream.concat(crds.stream(), objects.stream()).toList();
  }

  private static PlannedObject planned(
      KubernetesSerialization serialization, String name, String namespace, Ownership ownership) {
    String text = resourceText("install/" + name + ".yaml").replace("${namespace}", namespace);
    HasMetadata object =
        name.equals("default-appproject")
            ? serialization.unmarshal(text, AppProject.class)
            : serialization.unmarshal(text, GenericKubernetesResource.class);
    return new PlannedObject(object, text, ownership);
  }

  private static String resourceText(String resource) {
    try (InputStream in = InstallPlan.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "install manifest " + resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading install manifest " + resource + " failed", e);
    }
  }
}
