package dev.capstan.cli.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.controller.api.CrdInstaller.CrdNotEstablishedException;
import dev.capstan.controller.api.argo.AppProject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Carries out an {@link InstallPlan} against a cluster.
 *
 * <p>Capstan-owned objects are server-side applied with field manager {@link #FIELD_MANAGER},
 * forcing conflicts; an apply that leaves the {@code resourceVersion} as it was changed nothing.
 * User-owned objects are created when missing and otherwise left alone. The CRDs go first, and the
 * installer waits until each is Established before it touches anything else.
 *
 * <p>Idempotent: a second install with the same plan reports every object {@link Action#UNCHANGED}.
 * A dry run asks the API server to check every write ({@code dryRun=All}) and changes nothing. Not
 * thread-safe; one install at a time per instance.
 */
public final class Installer {

  /** The field manager of every server-side apply; a public contract. */
  public static final String FIELD_MANAGER = CrdInstaller.FIELD_MANAGER;

  private static final String USER_OWNED_NOTE = "exists; yours to edit, left as it is";

  private final KubernetesClient client;
  private final Duration establishTimeout;

  /**
   * @param client a client of the target cluster, with rights to create CRDs and RBAC objects
   * @param establishTimeout how long to wait for each CRD to become Established
   */
  public Installer(KubernetesClient client, Duration establishTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.establishTimeout = Objects.requireNonNull(establishTimeout, "establishTimeout");
  }

  /**
   * Installs (or in a dry run checks) every object of the plan.
   *
   * @throws InstallException naming the object and step when the cluster refuses or cannot be
   *     reached; objects before it in the plan stay installed
   */
  public InstallResult install(InstallPlan plan, boolean dryRun) {
    List<InstallResult.Entry> entries = new ArrayList<>();
    boolean crdsExisted = true;
    for (PlannedObject crd : plan.crds()) {
      InstallResult.Entry entry = apply(crd, dryRun);
      crdsExisted &= entry.action() != Action.CREATED;
      entries.add(entry);
    }
    if (!dryRun) {
      CrdInstaller crds = new CrdInstaller(client, establishTimeout);
      try {
        plan.crds().forEach(crd -> crds.awaitEstablished(crd.object().getMetadata().getName()));
      } catch (CrdNotEstablishedException e) {
        throw new InstallException(e.getMessage(), e);
      }
    }
    boolean namespaceExisted = true;
    for (PlannedObject object : plan.objects()) {
      String namespace = object.object().getMetadata().getNamespace();
      if (dryRun && !namespaceExisted && plan.namespace().equals(namespace)) {
        // The server cannot check objects in a namespace that a dry run did not create.
        entries.add(
            new InstallResult.Entry(object.id(), Action.CREATED, "namespace does not exist yet"));
        continue;
      }
      if (dryRun && !crdsExisted && object.object() instanceof AppProject) {
        // Its kind is not served yet, so the server cannot check it; it would be created.
        entries.add(new InstallResult.Entry(object.id(), Action.CREATED, "kind not served yet"));
        continue;
      }
      InstallResult.Entry entry =
          object.ownership() == Ownership.CAPSTAN ? apply(object, dryRun) : create(object, dryRun);
      if ("Namespace".equals(object.object().getKind()) && entry.action() == Action.CREATED) {
        namespaceExisted = false;
      }
      entries.add(entry);
    }
    return new InstallResult(plan.namespace(), dryRun, entries);
  }

  private InstallResult.Entry apply(PlannedObject planned, boolean dryRun) {
    HasMetadata before = get(planned);
    HasMetadata after;
    try {
      var resource = resource(planned.object());
      after =
          dryRun
              ? resource.dryRun().fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply()
              : resource.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      throw failure(planned, "server-side apply", e);
    }
    if (before == null) {
      return new InstallResult.Entry(planned.id(), Action.CREATED, "");
    }
    boolean unchanged =
        dryRun
            ? sameContent(before, after)
            : Objects.equals(
                before.getMetadata().getResourceVersion(),
                after.getMetadata().getResourceVersion());
    return new InstallResult.Entry(
        planned.id(), unchanged ? Action.UNCHANGED : Action.CONFIGURED, "");
  }

  private InstallResult.Entry create(PlannedObject planned, boolean dryRun) {
    if (get(planned) != null) {
      return new InstallResult.Entry(planned.id(), Action.UNCHANGED, USER_OWNED_NOTE);
    }
    try {
      var resource = resource(planned.object());
      if (dryRun) {
        resource.dryRun().create();
      } else {
        resource.create();
      }
      return new InstallResult.Entry(planned.id(), Action.CREATED, "");
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        // Created by someone else between our read and our create: it exists, and is theirs.
        return new InstallResult.Entry(planned.id(), Action.UNCHANGED, USER_OWNED_NOTE);
      }
      throw failure(planned, "create", e);
    }
  }

  private HasMetadata get(PlannedObject planned) {
    try {
      return resource(planned.object()).get();
    } catch (KubernetesClientException e) {
      throw failure(planned, "read", e);
    }
  }

  private Resource<HasMetadata> resource(HasMetadata object) {
    return client.resource(object);
  }

  /**
   * Whether a dry-run result equals the live object, ignoring what the server maintains (resource
   * version, managed fields, generation, status).
   */
  private boolean sameContent(HasMetadata live, HasMetadata dryRunResult) {
    return comparable(live).equals(comparable(dryRunResult));
  }

  private JsonNode comparable(HasMetadata object) {
    JsonNode tree = client.getKubernetesSerialization().convertValue(object, JsonNode.class);
    if (tree instanceof ObjectNode root) {
      root.remove("status");
      if (root.get("metadata") instanceof ObjectNode meta) {
        meta.remove(List.of("resourceVersion", "managedFields", "generation"));
      }
    }
    return tree;
  }

  private InstallException failure(
      PlannedObject planned, String step, KubernetesClientException e) {
    String reason =
        e.getStatus() != null && e.getStatus().getReason() != null
            ? e.getStatus().getReason()
            : e.getCode() <= 0 ? "Unreachable" : "HTTP " + e.getCode();
    String cause;
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      cause = e.getStatus().getMessage();
    } else if (e.getCode() <= 0) {
      cause =
          "no connection to the API server at "
              + client.getMasterUrl()
              + " ("
              + transportCause(e)
              + ")";
    } else {
      cause = transportCause(e);
    }
    return new InstallException(
        planned.id() + " " + step + " failed (" + reason + "): " + cause, e);
  }

  /** The most telling message in a cause chain: the first one below the client's own wrappers. */
  private static String transportCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof ConnectException) {
        return t.getMessage() == null ? "connection refused" : t.getMessage();
      }
      if (t.getMessage() != null && !(t instanceof KubernetesClientException)) {
        return t.getMessage();
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
