package dev.capstan.cli.flux;

import dev.capstan.controller.api.Condition;
import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.Kustomization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The two Flux kinds the commands handle, behind one small view: names, Ready, revision, suspend.
 */
enum FluxObjects {
  KUSTOMIZATION("Kustomization", "kustomization"),
  GIT_REPOSITORY("GitRepository", "gitrepository");

  static final String REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";

  final String kind;
  final String lower;

  FluxObjects(String kind, String lower) {
    this.kind = kind;
    this.lower = lower;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  MixedOperation<
          HasMetadata,
          io.fabric8.kubernetes.api.model.KubernetesResourceList<HasMetadata>,
          Resource<HasMetadata>>
      op(KubernetesClient client) {
    return (MixedOperation)
        (this == KUSTOMIZATION
            ? client.resources(Kustomization.class)
            : client.resources(GitRepository.class));
  }

  HasMetadata require(KubernetesClient client, String namespace, String name) {
    HasMetadata o = op(client).inNamespace(namespace).withName(name).get();
    if (o == null) {
      throw new IllegalArgumentException(kind + " '" + namespace + "/" + name + "' not found");
    }
    return o;
  }

  List<HasMetadata> list(KubernetesClient client, String namespace, boolean all) {
    List<HasMetadata> items =
        all
            ? op(client).inAnyNamespace().list().getItems()
            : op(client).inNamespace(namespace).list().getItems();
    return items.stream()
        .sorted(
            (a, b) ->
                (a.getMetadata().getNamespace() + "/" + a.getMetadata().getName())
                    .compareTo(b.getMetadata().getNamespace() + "/" + b.getMetadata().getName()))
        .toList();
  }

  static List<Condition> conditions(HasMetadata o) {
    if (o instanceof Kustomization k && k.getStatus() != null) {
      return k.getStatus().conditions();
    }
    if (o instanceof GitRepository g && g.getStatus() != null) {
      return g.getStatus().conditions();
    }
    return List.of();
  }

  static Optional<Condition> condition(HasMetadata o, String type) {
    return conditions(o).stream().filter(c -> c.type().equals(type)).findFirst();
  }

  static String revision(HasMetadata o) {
    if (o instanceof Kustomization k && k.getStatus() != null) {
      return k.getStatus().lastAppliedRevision();
    }
    if (o instanceof GitRepository g && g.getStatus() != null && g.getStatus().artifact() != null) {
      return g.getStatus().artifact().revision();
    }
    return "";
  }

  static boolean suspended(HasMetadata o) {
    if (o instanceof Kustomization k && k.getSpec() != null) {
      return k.getSpec().suspend();
    }
    return o instanceof GitRepository g && g.getSpec() != null && g.getSpec().suspend();
  }

  static String lastHandled(HasMetadata o) {
    if (o instanceof Kustomization k && k.getStatus() != null) {
      return k.getStatus().lastHandledReconcileAt();
    }
    return o instanceof GitRepository g && g.getStatus() != null
        ? g.getStatus().lastHandledReconcileAt()
        : "";
  }

  static long observedGeneration(HasMetadata o) {
    if (o instanceof Kustomization k && k.getStatus() != null) {
      return k.getStatus().observedGeneration();
    }
    return o instanceof GitRepository g && g.getStatus() != null
        ? g.getStatus().observedGeneration()
        : -1;
  }

  /** Sets the requestedAt annotation to now; returns the value written. */
  String requestReconcile(KubernetesClient client, String namespace, String name) {
    String token = Instant.now().toString();
    op(client)
        .inNamespace(namespace)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"" + REQUESTED_AT + "\":\"" + token + "\"}}}");
    return token;
  }

  void setSuspend(KubernetesClient client, String namespace, String name, boolean value) {
    op(client)
        .inNamespace(namespace)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":" + value + "}}");
  }

  static FluxObjects parse(String word) {
    return switch (word.toLowerCase(java.util.Locale.ROOT)) {
      case "kustomization", "kustomizations", "ks" -> KUSTOMIZATION;
      case "git", "gitrepository", "gitrepositories", "source" -> GIT_REPOSITORY;
      default ->
          throw new IllegalArgumentException(
              "unknown kind '" + word + "' (kustomization or source git)");
    };
  }
}
