package dev.capstan.engine.health.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.health.GroupKind;
import dev.capstan.engine.health.HealthCheck;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomHealthScriptsTest {

  private static final String P = CustomHealthScripts.KEY_PREFIX;

  private static String nameOf(Optional<HealthCheck> check) {
    return ((LuaHealthScript) check.orElseThrow()).name();
  }

  private final CustomHealthScripts scripts =
      CustomHealthScripts.fromConfigMap(
          Map.of(
              P + "pkg.crossplane.io_Provider",
              "return nil",
              P + "*.crossplane.io_*",
              "return nil",
              P + "*.io_*",
              "return nil",
              P + "_Namespace",
              "return nil",
              P + "ConfigMap",
              "return nil",
              "resource.customizations.actions.apps_Deployment",
              "not health"),
          LuaLimits.defaults());

  @Test
  void exactKeyBeatsWildcard() {
    assertThat(nameOf(scripts.forKind(new GroupKind("pkg.crossplane.io", "Provider"))))
        .isEqualTo(P + "pkg.crossplane.io_Provider");
  }

  @Test
  void wildcardsAreTriedInLexicalOrder() {
    // "*.crossplane.io/*" sorts before "*.io/*", so it wins for a crossplane kind.
    assertThat(nameOf(scripts.forKind(new GroupKind("pkg.crossplane.io", "Configuration"))))
        .isEqualTo(P + "*.crossplane.io_*");
    assertThat(nameOf(scripts.forKind(new GroupKind("cert-manager.io", "Certificate"))))
        .isEqualTo(P + "*.io_*");
    assertThat(scripts.forKind(new GroupKind("apps", "Deployment"))).isEmpty();
  }

  @Test
  void coreGroupWithOrWithoutUnderscore() {
    assertThat(nameOf(scripts.forKind(new GroupKind("", "Namespace")))).isEqualTo(P + "_Namespace");
    assertThat(nameOf(scripts.forKind(new GroupKind("", "ConfigMap")))).isEqualTo(P + "ConfigMap");
  }

  @Test
  void noScriptsIsEmpty() {
    assertThat(CustomHealthScripts.none().isEmpty()).isTrue();
    assertThat(scripts.isEmpty()).isFalse();
    assertThat(scripts.problems()).isEmpty();
  }
}
