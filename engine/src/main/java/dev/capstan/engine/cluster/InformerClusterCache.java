package dev.capstan.engine.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterCache} built on fabric8 shared informers over generic resources, one per watched
 * group/version/kind, across all namespaces.
 *
 * <p>The first {@link #watch(Gvk)} also starts a watch on CustomResourceDefinitions that
 * invalidates {@link ResourceTypes} whenever a CRD is added, changed or deleted, so kinds served by
 * new CRDs are discovered on their next lookup. Informers never resync (a resync would re-deliver
 * unchanged objects and look like drift); fabric8 re-lists and re-watches on its own after a
 * dropped connection.
 *
 * <p>Thread-safe. Starting a watch blocks until its initial list is cached.
 */
public final class InformerClusterCache implements ClusterCache {

  private static final Logger LOG = LoggerFactory.getLogger(InformerClusterCache.class);
  private static final String OWNER_INDEX = "capstan-owner";
  private static final Gvk CRD = new Gvk("apiextensions.k8s.io", "v1", "CustomResourceDefinition");

  private final KubernetesClient client;
  private final ResourceTypes types;
  private final Map<Gvk, SharedIndexInformer<GenericKubernetesResource>> informers =
      new ConcurrentHashMap<>();
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
  private volatile SharedIndexInformer<GenericKubernetesResource> crdInformer;
  private volatile boolean closed;
  private final Optional<Function<GenericKubernetesResource, Optional<String>>> ownerOf;

  /** A cache watching through {@code client}, resolving kinds with {@code types}. */
  public InformerClusterCache(KubernetesClient client, ResourceTypes types) {
    this(client, types, Optional.empty());
  }

  /**
   * A cache that also indexes every object by its owner as {@code ownerOf} reads it from the
   * object's mark, for {@link #ownedBy}.
   */
  public InformerClusterCache(
      KubernetesClient client,
      ResourceTypes types,
      Function<GenericKubernetesResource, Optional<String>> ownerOf) {
    this(client, types, Optional.of(ownerOf));
  }

  private InformerClusterCache(
      KubernetesClient client,
      ResourceTypes types,
      Optional<Function<GenericKubernetesResource, Optional<String>>> ownerOf) {
    this.client = watchClient(Objects.requireNonNull(client, "client"));
    this.types = Objects.requireNonNull(types, "types");
    this.ownerOf = ownerOf;
  }

  /**
   * A client of {@code client}'s cluster, with its configuration, whose watch events arrive as
   * generic resources. fabric8 otherwise reads each event's object into the model class of its kind
   * (a Deployment) and then converts that into the generic resource an informer of this cache
   * holds: two conversions per event, a quarter of a busy controller's CPU. Only the API's Status
   * (a watch's error event) keeps its class, which fabric8 needs to restart an expired watch. It
   * takes fabric8's default HTTP client, which the build makes the JDK's, the one applications
   * configure (the root POM excludes fabric8's Vert.x client).
   */
  private static KubernetesClient watchClient(KubernetesClient client) {
    KubernetesSerialization generic = new KubernetesSerialization(new ObjectMapper(), false);
    generic.registerKubernetesResource(Status.class);
    return new KubernetesClientBuilder()
        .withConfig(client.getConfiguration())
        .withKubernetesSerialization(generic)
        .build();
  }

  @Override
  public Optional<List<GenericKubernetesResource>> ownedBy(String owner) {
    if (ownerOf.isEmpty()) {
      return Optional.empty();
    }
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (SharedIndexInformer<GenericKubernetesResource> informer : informers.values()) {
      out.addAll(informer.getIndexer().byIndex(OWNER_INDEX, owner));
    }
    return Optional.of(out);
  }

  @Override
  public void watch(Gvk gvk) {
    if (closed) {
      throw new IllegalStateException("cluster cache is closed");
    }
    if (informers.containsKey(gvk)) {
      return;
    }
    ensureCrdWatch();
    ApiResource resource = types.require(gvk);
    synchronized (informers) {
      if (informers.containsKey(gvk)) {
        return;
      }
      informers.put(gvk, start(resource, new Forwarder(gvk), true));
    }
  }

  @Override
  public void unwatch(Gvk gvk) {
    SharedIndexInformer<GenericKubernetesResource> informer;
    synchronized (informers) {
      informer = informers.remove(gvk);
    }
    if (informer != null) {
      informer.stop();
    }
  }

  @Override
  public Set<Gvk> watched() {
    return Set.copyOf(informers.keySet());
  }

  @Override
  public Optional<GenericKubernetesResource> get(ResourceKey key) {
    for (Map.Entry<Gvk, SharedIndexInformer<GenericKubernetesResource>> e : informers.entrySet()) {
      Gvk gvk = e.getKey();
      if (gvk.group().equals(key.group()) && gvk.kind().equals(key.kind())) {
        String storeKey =
            key.namespace().isEmpty() ? key.name() : key.namespace() + "/" + key.name();
        GenericKubernetesResource hit = e.getValue().getIndexer().getByKey(storeKey);
        if (hit != null) {
          return Optional.of(hit);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public List<GenericKubernetesResource> list(Gvk gvk) {
    SharedIndexInformer<GenericKubernetesResource> informer = informers.get(gvk);
    return informer == null ? List.of() : List.copyOf(informer.getIndexer().list());
  }

  @Override
  public Registration addListener(ChangeListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> listeners.remove(listener);
  }

  @Override
  public void close() {
    closed = true;
    List<SharedIndexInformer<GenericKubernetesResource>> all = new ArrayList<>(informers.values());
    informers.clear();
    if (crdInformer != null) {
      all.add(crdInformer);
      crdInformer = null;
    }
    all.forEach(SharedIndexInformer::stop);
    listeners.clear();
    client.close();
  }

  private void ensureCrdWatch() {
    if (crdInformer != null) {
      return;
    }
    synchronized (this) {
      if (crdInformer != null) {
        return;
      }
      ApiResource crd = ApiResource.of(CRD, "customresourcedefinitions", false);
      crdInformer =
          start(
              crd,
              new ResourceEventHandler<>() {
                @Override
                public void onAdd(GenericKubernetesResource obj) {
                  types.invalidate();
                }

                @Override
                public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource now) {
                  types.invalidate();
                }

                @Override
                public void onDelete(GenericKubernetesResource obj, boolean unknownFinalState) {
                  types.invalidate();
                }
              },
              false);
    }
  }

  private SharedIndexInformer<GenericKubernetesResource> start(
      ApiResource resource,
      ResourceEventHandler<GenericKubernetesResource> handler,
      boolean indexed) {
    try {
      var op = client.genericKubernetesResources(resource.context());
      SharedIndexInformer<GenericKubernetesResource> informer =
          resource.namespaced() ? op.inAnyNamespace().runnableInformer(0) : op.runnableInformer(0);
      if (indexed && ownerOf.isPresent()) {
        Function<GenericKubernetesResource, Optional<String>> owner = ownerOf.get();
        informer.addIndexers(
            Map.of(OWNER_INDEX, o -> owner.apply(o).map(List::of).orElse(List.of())));
      }
      informer.addEventHandler(handler);
      informer.run(); // blocks until the initial list is cached
      return informer;
    } catch (KubernetesClientException e) {
      throw ClusterAccessException.of("watch of " + resource.gvk(), e.getCode(), e);
    }
  }

  /** Turns informer callbacks into {@link ResourceChange}s for every listener. */
  private final class Forwarder implements ResourceEventHandler<GenericKubernetesResource> {
    private final Gvk gvk;

    Forwarder(Gvk gvk) {
      this.gvk = gvk;
    }

    @Override
    public void onAdd(GenericKubernetesResource obj) {
      publish(ResourceChange.Type.ADDED, null, obj, true);
    }

    @Override
    public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource now) {
      if (Objects.equals(resourceVersion(old), resourceVersion(now))) {
        return; // a re-list delivering an object we already have
      }
      publish(ResourceChange.Type.UPDATED, old, now, !sameApartFromServerFields(old, now));
    }

    @Override
    public void onDelete(GenericKubernetesResource obj, boolean unknownFinalState) {
      publish(ResourceChange.Type.DELETED, obj, null, true);
    }

    private void publish(
        ResourceChange.Type type,
        GenericKubernetesResource before,
        GenericKubernetesResource after,
        boolean meaningful) {
      GenericKubernetesResource any = after != null ? after : before;
      ResourceKey key = ResourceKey.of(gvk, namespace(any), any.getMetadata().getName());
      ResourceChange change =
          new ResourceChange(
              type, gvk, key, Optional.ofNullable(before), Optional.ofNullable(after), meaningful);
      for (ChangeListener l : listeners) {
        try {
          l.onChange(change);
        } catch (RuntimeException e) {
          LOG.warn("cluster cache listener failed on {}: {}", change, e.toString());
        }
      }
    }
  }

  private static String namespace(GenericKubernetesResource obj) {
    String ns = obj.getMetadata().getNamespace();
    return ns == null ? "" : ns;
  }

  private static String resourceVersion(GenericKubernetesResource obj) {
    return obj.getMetadata() == null ? null : obj.getMetadata().getResourceVersion();
  }

  /** True when the objects differ only in status and server-maintained metadata. */
  static boolean sameApartFromServerFields(
      GenericKubernetesResource a, GenericKubernetesResource b) {
    return Objects.equals(withoutServerFields(a), withoutServerFields(b));
  }

  private static Map<String, Object> withoutServerFields(GenericKubernetesResource obj) {
    Map<String, Object> props = new HashMap<>(obj.getAdditionalProperties());
    props.remove("status");
    var meta = obj.getMetadata();
    Map<String, Object> m = new HashMap<>();
    if (meta != null) {
      m.put("labels", meta.getLabels());
      m.put("annotations", meta.getAnnotations());
      m.put("finalizers", meta.getFinalizers());
      m.put("ownerReferences", meta.getOwnerReferences());
      m.put("deletionTimestamp", meta.getDeletionTimestamp());
    }
    props.put("metadata", m);
    return props;
  }
}
