package dev.capstan.controller.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CRD manifests Capstan serves, as class-path resources under {@code crds/}, in install order:
 * Argo CD's {@code AppProject} and {@code Application}, then Flux's {@code GitRepository} and
 * {@code Kustomization}.
 *
 * <p>The manifests are written by hand (see {@code docs/crds.md}); this class only lists and reads
 * them. Thread-safe: it holds no state.
 */
public final class CustomResourceDefinitions {

  /** Class-path resource names of the CRD manifests, in install order. */
  public static final List<String> RESOURCES =
      List.of(
          "crds/appprojects.argoproj.io.yaml",
          "crds/applications.argoproj.io.yaml",
          "crds/gitrepositories.source.toolkit.fluxcd.io.yaml",
          "crds/kustomizations.kustomize.toolkit.fluxcd.io.yaml");

  private CustomResourceDefinitions() {}

  /** The text of one CRD manifest. */
  public static String text(String resource) {
    try (InputStream in =
        CustomResourceDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "CRD manifest " + resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading CRD manifest " + resource + " failed", e);
    }
  }

  /** Every CRD, parsed, in install order. */
  public static List<CustomResourceDefinition> load() {
    KubernetesSerialization serialization = new KubernetesSerialization();
    return RESOURCES.stream()
        .map(r -> serialization.unmarshal(text(r), CustomResourceDefinition.class))
        .toList();
  }
}
