package dev.capstan.testsupport.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Service-account tokens are signed, accepted by the apiserver and subject to RBAC. */
@WithControlPlane
class ServiceAccountTokenIT {
  @Test
  void issuedTokenAuthenticatesAsTheServiceAccountAndRbacApplies(
      KubernetesClient admin, TestNamespace namespace) {
    String ns = namespace.name();
    admin
        .serviceAccounts()
        .inNamespace(ns)
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName("robot").endMetadata().build())
        .create();
    TokenRequest request =
        new TokenRequestBuilder().withNewSpec().withExpirationSeconds(600L).endSpec().build();
    String token =
        admin
            .serviceAccounts()
            .inNamespace(ns)
            .withName("robot")
            .tokenRequest(request)
            .getStatus()
            .getToken();

    TokenReview review =
        admin
            .tokenReviews()
            .create(new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build());
    assertThat(review.getStatus().getAuthenticated()).isTrue();
    assertThat(review.getStatus().getUser().getUsername())
        .isEqualTo("system:serviceaccount:" + ns + ":robot");

    Config adminConfig = admin.getConfiguration();
    Config robotConfig =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(adminConfig.getMasterUrl())
            .withCaCertFile(adminConfig.getCaCertFile())
            .withOauthToken(token)
            .build();
    try (KubernetesClient robot =
        new KubernetesClientBuilder()
            .withConfig(robotConfig)
            .withHttpClientFactory(new JdkHttpClientFactory())
            .build()) {
      assertThatThrownBy(() -> robot.configMaps().inNamespace(ns).list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class,
              e -> {
                assertThat(e.getCode()).isEqualTo(403);
                assertThat(e.getMessage()).contains("system:serviceaccount:" + ns + ":robot");
              });

      admin
          .rbac()
          .roleBindings()
          .inNamespace(ns)
          .resource(
              new RoleBindingBuilder()
                  .withNewMetadata()
                  .withName("robot-view")
                  .endMetadata()
                  .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "view")
                  .addNewSubject()
                  .withKind("ServiceAccount")
                  .withName("robot")
                  .withNamespace(ns)
                  .endSubject()
                  .build())
          .create();

      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreException(KubernetesClientException.class)
          .untilAsserted(
              () -> assertThat(robot.configMaps().inNamespace(ns).list().getItems()).isNotNull());
    }
  }
}
