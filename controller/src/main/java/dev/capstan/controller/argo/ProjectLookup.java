package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.AppProject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AppProjects of the controller's namespace, from a watch; when the watch cannot be started (no
 * permission to list them), each lookup reads the project from the API server. {@link #onChange}
 * hears about every change of a project. Close it to stop the watch.
 */
final class ProjectLookup implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectLookup.class);

  private final KubernetesClient client;
  private final String namespace;
  private final Optional<SharedIndexInformer<AppProject>> informer;
  private volatile Runnable listener = () -> {};

  ProjectLookup(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
    Optional<SharedIndexInformer<AppProject>> started;
    try {
      started =
          Optional.of(
              client
                  .resources(AppProject.class)
                  .inNamespace(namespace)
                  .inform(
                      new ResourceEventHandler<>() {
                        @Override
                        public void onAdd(AppProject p) {
                          listener.run();
                        }

                        @Override
                        public void onUpdate(AppProject before, AppProject after) {
                          if (!java.util.Objects.equals(
                              before.getMetadata().getResourceVersion(),
                              after.getMetadata().getResourceVersion())) {
                            listener.run();
                          }
                        }

                        @Override
                        public void onDelete(AppProject p, boolean unknownFinalState) {
                          listener.run();
                        }
                      },
                      0));
    } catch (KubernetesClientException e) {
      LOG.info(
          "AppProjects in {} not watched ({}); read on each reconcile", namespace, e.getMessage());
      started = Optional.empty();
    }
    this.informer = started;
  }

  /** The project {@code name}, empty when it does not exist. */
  Optional<AppProject> get(String name) {
    if (informer.isPresent()) {
      return Optional.ofNullable(informer.get().getStore().getByKey(namespace + "/" + name));
    }
    return Optional.ofNullable(
        client.resources(AppProject.class).inNamespace(namespace).withName(name).get());
  }

  /** Runs {@code r} (on the watch's thread; it must return quickly) whenever a project changes. */
  void onChange(Runnable r) {
    this.listener = r;
  }

  @Override
  public void close() {
    informer.ifPresent(SharedIndexInformer::close);
  }
}
