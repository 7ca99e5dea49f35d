package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppKeyTest {

  @Test
  void instanceNamesFollowArgoCdsAppsInAnyNamespaceRule() {
    assertThat(new AppKey("argocd", "web").instanceName("argocd")).isEqualTo("web");
    assertThat(new AppKey("team-a", "web").instanceName("argocd")).isEqualTo("team-a_web");
    assertThat(AppKey.fromInstanceName("web", "argocd")).isEqualTo(new AppKey("argocd", "web"));
    assertThat(AppKey.fromInstanceName("team-a_web", "argocd"))
        .isEqualTo(new AppKey("team-a", "web"));
  }
}
