package dev.capstan.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthStatusTest {

  @Test
  void severityOrderIsArgoCds() {
    List<String> order = Arrays.stream(HealthStatus.values()).map(HealthStatus::wireName).toList();

    assertThat(order)
        .containsExactly("Healthy", "Suspended", "Progressing", "Missing", "Degraded", "Unknown");
  }

  @Test
  void worstPicksTheMoreSevere() {
    assertThat(HealthStatus.worst(HealthStatus.HEALTHY, HealthStatus.SUSPENDED))
        .isEqualTo(HealthStatus.SUSPENDED);
    assertThat(HealthStatus.worst(HealthStatus.DEGRADED, HealthStatus.MISSING))
        .isEqualTo(HealthStatus.DEGRADED);
    assertThat(HealthStatus.worst(HealthStatus.UNKNOWN, HealthStatus.DEGRADED))
        .isEqualTo(HealthStatus.UNKNOWN);
    assertThat(HealthStatus.PROGRESSING.isWorseThan(HealthStatus.SUSPENDED)).isTrue();
    assertThat(HealthStatus.PROGRESSING.isWorseThan(HealthStatus.PROGRESSING)).isFalse();
  }

  @Test
  void parseAcceptsArgoNamesInAnyCase() {
    assertThat(HealthStatus.parse("Degraded")).contains(HealthStatus.DEGRADED);
    assertThat(HealthStatus.parse("progressing")).contains(HealthStatus.PROGRESSING);
    assertThat(HealthStatus.parse("Broken")).isEmpty();
    assertThat(HealthStatus.parse(null)).isEmpty();
  }
}
