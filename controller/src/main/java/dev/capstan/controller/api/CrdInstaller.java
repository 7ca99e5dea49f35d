package dev.capstan.controller.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Installs CRDs on a cluster: server-side applies them with field manager {@link #FIELD_MANAGER},
 * forcing conflicts, then waits until each is {@code Established}, i.e. the API server serves its
 * kind.
 *
 * <p>{@code capstan install}, the benchmarks and the integration tests all install Capstan's CRDs
 * through this class. Idempotent: installing CRDs that are already there and unchanged writes
 * nothing and returns as soon as the API server confirms they are established. Thread-safe; it
 * holds only the client and the timeout.
 */
public final class CrdInstaller {

  /** The field manager of every server-side apply; a public contract. */
  public static final String FIELD_MANAGER = "capstan";

  /** How long {@link #CrdInstaller(KubernetesClient)} waits for each CRD. */
  public static final Duration DEFAULT_ESTABLISH_TIMEOUT = Duration.ofSeconds(60);

  private final KubernetesClient client;
  private final Duration establishTimeout;

  /**
   * @param client a client of the target cluster, with rights to apply CRDs
   * @param establishTimeout how long to wait for each CRD to become Established
   */
  public CrdInstaller(KubernetesClient client, Duration establishTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.establishTimeout = Objects.requireNonNull(establishTimeout, "establishTimeout");
  }

  /** An installer that waits {@link #DEFAULT_ESTABLISH_TIMEOUT} for each CRD. */
  public CrdInstaller(KubernetesClient client) {
    this(client, DEFAULT_ESTABLISH_TIMEOUT);
  }

  /**
   * Installs Capstan's own CRDs ({@link CustomResourceDefinitions#load()}) and waits until all are
   * established.
   *
   * @throws KubernetesClientException when the cluster refuses an apply or cannot be reached
   * @throws CrdNotEstablishedException when a CRD is not established in time
   */
  public void installCapstanCrds() {
    install(CustomResourceDefinitions.load());
  }

  /**
   * Applies every CRD, in order, then waits until each is established. Applying all before waiting
   * lets the API server establish them side by side.
   *
   * @throws KubernetesClientException when the cluster refuses an apply or cannot be reached
   * @throws CrdNotEstablishedException when a CRD is not established in time
   */
  public void install(List<CustomResourceDefinition> crds) {
    for (CustomResourceDefinition crd : crds) {
      client.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }
    for (CustomResourceDefinition crd : crds) {
      awaitEstablished(crd.getMetadata().getName());
    }
  }

  /**
   * Waits until the CRD {@code name} exists and has condition {@code Established=True}.
   *
   * @throws CrdNotEstablishedException when it does not within the timeout; the message names the
   *     CRD and its conditions that are not True
   */
  public void awaitEstablished(String name) {
    try {
      crd(name)
          .waitUntilCondition(
              CrdInstaller::established, establishTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (KubernetesClientException e) {
      throw new CrdNotEstablishedException(
          "CustomResourceDefinition/"
              + name
              + " wait failed (not Established after "
              + establishTimeout.toSeconds()
              + "s)"
              + unmetConditions(name),
          e);
    }
  }

  /** True when the CRD exists and its status has {@code Established=True}. */
  public static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** {@code ": Type: message; ..."} for the CRD's conditions that are not True, or "". */
  private String unmetConditions(String name) {
    CustomResourceDefinition crd;
    try {
      crd = crd(name).get();
    } catch (KubernetesClientException e) {
      return "";
    }
    if (crd == null || crd.getStatus() == null) {
      return "";
    }
    String unmet =
        crd.getStatus().getConditions().stream()
            .filter(c -> !"True".equals(c.getStatus()))
            .map(c -> c.getType() + ": " + c.getMessage())
            .collect(Collectors.joining("; "));
    return unmet.isEmpty() ? "" : ": " + unmet;
  }

  private Resource<CustomResourceDefinition> crd(String name) {
    return client.apiextensions().v1().customResourceDefinitions().withName(name);
  }

  /** A CRD did not become Established in time; the message names it and why. */
  public static final class CrdNotEstablishedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CrdNotEstablishedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
