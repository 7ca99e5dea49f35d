package dev.capstan.server.cache;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An informer-backed cache of one custom resource kind (Applications, Kustomizations,
 * GitRepositories) in one namespace or all: list and get are served from memory, so listing
 * thousands costs no API call. Changes are passed to subscribers as {@link Change}s. Thread-safe.
 */
public final class ResourceCache implements AutoCloseable {

  /** A change of one object: type is ADDED, MODIFIED or DELETED (Kubernetes' watch types). */
  public record Change(
      String type,
      GenericKubernetesResource object,
      Optional<GenericKubernetesResource> previous) {}

  /** Argo CD's Application kind. */
  public static final ResourceDefinitionContext APPLICATIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("Application")
          .withPlural("applications")
          .withNamespaced(true)
          .build();

  /** Flux's Kustomization kind. */
  public static final ResourceDefinitionContext KUSTOMIZATIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup("kustomize.toolkit.fluxcd.io")
          .withVersion("v1")
          .withKind("Kustomization")
          .withPlural("kustomizations")
          .withNamespaced(true)
          .build();

  /** Flux's GitRepository kind. */
  public static final ResourceDefinitionContext GIT_REPOSITORIES =
      new ResourceDefinitionContext.Builder()
          .withGroup("source.toolkit.fluxcd.io")
          .withVersion("v1")
          .withKind("GitRepository")
          .withPlural("gitrepositories")
          .withNamespaced(true)
          .build();

  private static final Comparator<GenericKubernetesResource> ORDER =
      Comparator.comparing((GenericKubernetesResource r) -> r.getMetadata().getNamespace())
          .thenComparing(r -> r.getMetadata().getName());

  private final SharedIndexInformer<GenericKubernetesResource> informer;
  private final List<Consumer<Change>> subscribers = new CopyOnWriteArrayList<>();

  /** Starts watching {@code kind} in {@code namespace}, or in every namespace when it is empty. */
  public ResourceCache(
      KubernetesClient client, ResourceDefinitionContext kind, Optional<String> namespace) {
    var resources = client.genericKubernetesResources(kind);
    var handler =
        new ResourceEventHandler<GenericKubernetesResource>() {
          @Override
          public void onAdd(GenericKubernetesResource obj) {
            publish(new Change("ADDED", obj, Optional.empty()));
          }

          @Override
          public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
            publish(new Change("MODIFIED", newObj, Optional.ofNullable(oldObj)));
          }

          @Override
          public void onDelete(GenericKubernetesResource obj, boolean unknown) {
            publish(new Change("DELETED", obj, Optional.empty()));
          }
        };
    this.informer =
        namespace.isPresent()
            ? resources.inNamespace(namespace.get()).inform(handler, 0)
            : resources.inAnyNamespace().inform(handler, 0);
  }

  /** Every cached object, ordered by namespace then name. */
  public List<GenericKubernetesResource> list() {
    return informer.getStore().list().stream().sorted(ORDER).toList();
  }

  /** The cached object {@code namespace/name}. */
  public Optional<GenericKubernetesResource> get(String namespace, String name) {
    return Optional.ofNullable(informer.getStore().getByKey(namespace + "/" + name));
  }

  /** How many objects are cached. */
  public int size() {
    return informer.getStore().list().size();
  }

  /**
   * Calls {@code subscriber} for each later change, on the informer's thread; returns how to
   * unsubscribe.
   */
  public Runnable subscribe(Consumer<Change> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  private void publish(Change change) {
    for (Consumer<Change> s : subscribers) {
      try {
        s.accept(change);
      } catch (RuntimeException e) {
        // One failing subscriber must not starve the others.
        System.getLogger(ResourceCache.class.getName())
            .log(System.Logger.Level.WARNING, "subscriber failed: " + e);
      }
    }
  }

  @Override
  public void close() {
    informer.close();
  }
}
