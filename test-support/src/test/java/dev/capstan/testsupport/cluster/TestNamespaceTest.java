package dev.capstan.testsupport.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestNamespaceTest {
  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  @Test
  void namesShowTheTestClassAsADnsLabel() {
    String name = TestNamespace.forClass(TestNamespaceTest.class).name();

    assertThat(name).matches("it-test-namespace-test-[a-z0-9]{5}").matches(DNS_LABEL);
  }

  @Test
  void longClassNamesAreCutToFitTheLabelLimit() {
    class AVeryLongTestClassNameThatGoesOnAndOnWellPastTheSixtyThreeCharacterLimitIT {}

    String name =
        TestNamespace.forClass(
                AVeryLongTestClassNameThatGoesOnAndOnWellPastTheSixtyThreeCharacterLimitIT.class)
            .name();

    assertThat(name)
        .hasSizeLessThanOrEqualTo(63)
        .startsWith("it-avery-long-test-class")
        .matches(DNS_LABEL);
  }

  @Test
  void everyCallGivesAFreshName() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      names.add(TestNamespace.forClass(TestNamespaceTest.class).name());
    }

    assertThat(names).hasSize(50);
  }

  @Test
  void dnsLabelSplitsCamelCaseAndDropsOtherCharacters() {
    assertThat(TestNamespace.dnsLabel("ServerSideApplyIT")).isEqualTo("server-side-apply-it");
    assertThat(TestNamespace.dnsLabel("Outer$Inner_2")).isEqualTo("outer-inner-2");
    assertThat(TestNamespace.dnsLabel("__")).isEmpty();
  }
}
