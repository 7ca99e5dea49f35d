package dev.capstan.engine.sync;

import static dev.capstan.engine.sync.Manifests.deployment;
import static dev.capstan.engine.sync.Manifests.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.DiscoveryResourceTypes;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.inventory.TrackingIdOwnership;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A set with a Namespace, a CRD, a custom resource of it and a Deployment: one sync creates all of
 * them in order, waiting for the CRD to be Established before its custom resource.
 */
@WithControlPlane
class SyncCustomResourceIT {

  private final KubernetesClient client;
  private final String suffix =
      UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  private final String group = "g" + suffix + ".capstan.dev";
  private final String ns = "sync-crd-" + suffix;

  SyncCustomResourceIT(KubernetesClient client) {
    this.client = client;
  }

  @AfterEach
  void cleanUp() {
    client.namespaces().withName(ns).delete();
    client.apiextensions().v1().customResourceDefinitions().withName("gizmos." + group).delete();
  }

  @Test
  void namespaceCrdCustomResourceAndDeploymentAreCreatedInOrder() {
    String manifests =
        deployment(ns, "web", 1)
            + "---\n"
            + """
            apiVersion: %1$s/v1
            kind: Gizmo
            metadata:
              name: first
              namespace: %2$s
            spec:
              size: 3
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: gizmos.%1$s
            spec:
              group: %1$s
              scope: Namespaced
              names:
                kind: Gizmo
                plural: gizmos
                singular: gizmo
                listKind: GizmoList
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          size:
                            type: integer
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: %2$s
            """
                .formatted(group, ns);
    Syncer syncer = new Syncer(client, new DiscoveryResourceTypes(client), Optional.empty());
    TrackingIdOwnership app = new TrackingIdOwnership("gizmos");

    SyncResult first =
        syncer.sync(app, parse(manifests), Inventory.empty(), SyncOptions.defaults());
    SyncResult second =
        syncer.sync(app, parse(manifests), first.inventory(), SyncOptions.defaults());

    assertThat(first.changes().toString())
        .isEqualTo(
            String.join(
                "\n",
                List.of(
                    "Namespace/" + ns + " Created",
                    "CustomResourceDefinition/gizmos." + group + " Created",
                    "Deployment/" + ns + "/web Created",
                    "Gizmo/" + ns + "/first Created")));
    assertThat(second.changes().changes())
        .extracting(Change::action)
        .containsOnly(Action.UNCHANGED);
    assertThat(
            client
                .genericKubernetesResources(group + "/v1", "Gizmo")
                .inNamespace(ns)
                .withName("first")
                .get())
        .isNotNull();
  }

  @Test
  void aDryRunOfANewCrdAndItsResourcesChangesNothing() {
    String manifests =
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gizmos.%1$s
        spec:
          group: %1$s
          scope: Namespaced
          names: {kind: Gizmo, plural: gizmos, singular: gizmo, listKind: GizmoList}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        ---
        apiVersion: %1$s/v1
        kind: Gizmo
        metadata:
          name: imagined
          namespace: default
        """
            .formatted(group);
    Syncer syncer = new Syncer(client, new DiscoveryResourceTypes(client), Optional.empty());

    SyncResult result =
        syncer.sync(
            new TrackingIdOwnership("gizmos"),
            parse(manifests),
            Inventory.empty(),
            SyncOptions.defaults().withDryRun(true));

    assertThat(result.changes().changes()).extracting(Change::action).containsOnly(Action.CREATED);
    assertThat(result.changes().changes()).extracting(Change::message).containsOnly("dry run");
    assertThat(
            client
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("gizmos." + group)
                .get())
        .isNull();
  }
}
