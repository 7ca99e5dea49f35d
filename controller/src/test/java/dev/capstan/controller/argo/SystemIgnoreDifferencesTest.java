package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.diff.IgnoreDifference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemIgnoreDifferencesTest {

  @Test
  void argoCdKeysBecomeIgnoreRulesAndMalformedOnesAreSkipped() {
    List<IgnoreDifference> rules =
        SystemIgnoreDifferences.parse(
            Map.of(
                "resource.customizations.ignoreDifferences.apps_Deployment",
                    "jsonPointers:\n- /spec/replicas\n",
                "resource.customizations.ignoreDifferences._ConfigMap",
                    "jqPathExpressions: ['.data.x']\n",
                "resource.customizations.ignoreDifferences.all",
                    "managedFieldsManagers: [kube-controller-manager]\n",
                "resource.customizations.ignoreDifferences.Secret", "jsonPointers: not-a-list\n",
                "timeout.reconciliation", "180s"));

    assertThat(rules)
        .containsExactly(
            new IgnoreDifference("", "ConfigMap", "", "", List.of(), List.of(".data.x"), List.of()),
            new IgnoreDifference(
                "*", "*", "", "", List.of(), List.of(), List.of("kube-controller-manager")),
            new IgnoreDifference(
                "apps", "Deployment", "", "", List.of("/spec/replicas"), List.of(), List.of()));
  }
}
