package dev.capstan.controller.flux;

import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of a Kustomization's {@code postBuild}: every {@code substituteFrom} ConfigMap or
 * Secret in order (a later one overrides an earlier), then {@code substitute}, which wins, as in
 * Flux. A missing reference fails unless {@code optional}; invalid variable names fail.
 */
final class Substitutions {

  /** The variables cannot be read; the message is for the Ready condition. */
  static final class VariablesException extends RuntimeException {
    VariablesException(String message) {
      super(message);
    }
  }

  private Substitutions() {}

  static Map<String, String> variables(KubernetesClient client, Kustomization ks) {
    KustomizationSpec.PostBuild post = ks.getSpec().postBuild();
    if (post == null) {
      return Map.of();
    }
    String ns = ks.getMetadata().getNamespace();
    Map<String, String> vars = new LinkedHashMap<>();
    for (KustomizationSpec.SubstituteReference ref : post.substituteFrom()) {
      switch (ref.kind()) {
        case "ConfigMap" -> {
          ConfigMap cm = client.configMaps().inNamespace(ns).withName(ref.name()).get();
          if (cm == null) {
            if (!ref.optional()) {
              throw new VariablesException(
                  "substitute from 'ConfigMap/"
                      + ns
                      + "/"
                      + ref.name()
                      + "' error: configmaps \""
                      + ref.name()
                      + "\" not found");
            }
            continue;
          }
          if (cm.getData() != null) {
            vars.putAll(cm.getData());
          }
        }
        case "Secret" -> {
          var secret = GitRepositoryReconciler.readSecret(client, ns, ref.name());
          if (secret.isEmpty()) {
            if (!ref.optional()) {
              throw new VariablesException(
                  "substitute from 'Secret/"
                      + ns
                      + "/"
                      + ref.name()
                      + "' error: secrets \""
                      + ref.name()
                      + "\" not found");
            }
            continue;
          }
          secret.get().data().forEach((k, v) -> vars.put(k, new String(v, StandardCharsets.UTF_8)));
        }
        default ->
            throw new VariablesException(
                "substitute from kind '" + ref.kind() + "' is not supported (ConfigMap or Secret)");
      }
    }
    vars.putAll(post.substitute());
    List<String> invalid = VariableSubstitution.invalidNames(vars.keySet());
    if (!invalid.isEmpty()) {
      throw new VariablesException(
          "'"
              + String.join("', '", invalid)
              + "' "
              + (invalid.size() == 1
                  ? "is not a valid variable name"
                  : "are not valid variable names")
              + ": only letters, digits and '_', not starting with a digit");
    }
    return vars;
  }
}
