package dev.capstan.testsupport.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The Kubernetes control plane that integration tests run against, one per JVM.
 *
 * <p>{@link #shared()} decides where it comes from, in this order:
 *
 * <ol>
 *   <li>{@code -Dcapstan.kubeconfig} or the environment variable {@code CAPSTAN_KUBECONFIG}: a
 *       control plane somebody else runs ({@code bin/test} starts one for the whole build); it is
 *       used as is and never stopped here.
 *   <li>otherwise {@code testenv/up} of the checkout that {@link RepositoryRoot#find()} finds,
 *       which reuses a healthy control plane of that checkout or builds and starts one, and
 *       registers this JVM as one of its users. When the JVM exits, a shutdown hook runs {@code
 *       testenv/down --release <pid>}, which stops the control plane only if a test JVM started it
 *       and no other registered JVM is still alive: test JVMs of several modules (or several
 *       developers' builds in one work tree) share one control plane, and the last one out stops
 *       it. {@code CAPSTAN_TESTENV_KEEP=true} keeps it running for the next run.
 * </ol>
 *
 * <p>Thread-safe. A failed start is remembered: every later caller gets the same error at once
 * instead of starting again.
 */
public final class ControlPlane {
  /** How long {@code testenv/up} may take: a cold build of the binaries on two cores included. */
  private static final Duration UP_TIMEOUT =
      Duration.ofMinutes(Long.getLong("capstan.testenv.upTimeoutMinutes", 60));

  private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);

  private static ControlPlane shared;
  private static ControlPlaneException sharedFailure;

  private final Path kubeconfig;
  private final boolean owned;

  private ControlPlane(Path kubeconfig, boolean owned) {
    this.kubeconfig = kubeconfig;
    this.owned = owned;
  }

  /**
   * This JVM's control plane, started on first use.
   *
   * @throws ControlPlaneException when it cannot be found or started
   */
  public static synchronized ControlPlane shared() {
    if (shared != null) {
      return shared;
    }
    if (sharedFailure != null) {
      throw new ControlPlaneException(sharedFailure.getMessage(), sharedFailure);
    }
    try {
      shared = external().orElseGet(ControlPlane::startFromCheckout);
      return shared;
    } catch (ControlPlaneException e) {
      sharedFailure = e;
      throw e;
    }
  }

  /** The admin kubeconfig: cluster-admin rights, client-certificate authentication. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /**
   * Whether this JVM started the control plane (it stops it when it exits, unless other test JVMs
   * still use it).
   */
  public boolean ownedByThisJvm() {
    return owned;
  }

  /**
   * A new client with cluster-admin rights, on the JDK's HTTP client. The caller closes it.
   *
   * @throws ControlPlaneException when the kubeconfig cannot be read
   */
  public KubernetesClient newClient() {
    String contents;
    try {
      contents = Files.readString(kubeconfig);
    } catch (IOException e) {
      throw new ControlPlaneException(
          "kubeconfig " + kubeconfig + " could not be read: " + e.getMessage(), e);
    }
    Config config = Config.fromKubeconfig(contents);
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  private static Optional<ControlPlane> external() {
    String given = System.getProperty("capstan.kubeconfig", System.getenv("CAPSTAN_KUBECONFIG"));
    if (given == null || given.isBlank()) {
      return Optional.empty();
    }
    Path path = Path.of(given);
    if (!Files.isRegularFile(path)) {
      throw new ControlPlaneException(
          "CAPSTAN_KUBECONFIG names " + path + ", which is not a file (is the control plane up?)");
    }
    return Optional.of(new ControlPlane(path, false));
  }

  private static ControlPlane startFromCheckout() {
    TestenvScripts scripts =
        new TestenvScripts(
            RepositoryRoot.find(), Path.of(System.getProperty("user.dir"), "target", "testenv"));
    long pid = ProcessHandle.current().pid();
    // up and down recognise a control plane started by a test JVM by the "jvm-" prefix.
    String token = "jvm-" + pid + "-" + UUID.randomUUID();
    System.err.println(
        "capstan: starting or reusing the test control plane (testenv/up; a cold build takes minutes),"
            + " log: "
            + scripts.upLog());
    Path kubeconfig = scripts.up(token, pid, UP_TIMEOUT);
    boolean owned = token.equals(scripts.owner());
    if (!"true".equalsIgnoreCase(System.getenv("CAPSTAN_TESTENV_KEEP"))) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> releaseQuietly(scripts, pid), "capstan-testenv-release"));
    }
    return new ControlPlane(kubeconfig, owned);
  }

  private static void releaseQuietly(TestenvScripts scripts, long pid) {
    try {
      scripts.release(pid, DOWN_TIMEOUT);
    } catch (ControlPlaneException e) {
      // A shutdown hook has nobody to throw to; the next testenv/up cleans up what is left.
      System.err.println("capstan: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "ControlPlane[" + kubeconfig + (owned ? ", started by this JVM" : "") + "]";
  }
}
