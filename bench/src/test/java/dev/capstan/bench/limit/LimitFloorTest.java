package dev.capstan.bench.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.bench.report.Samples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitFloorTest {

  private final LimitCommand.Run best = new LimitCommand.Run(1000, 64, Samples.of(List.of(35.5)));

  @Test
  void scaleFluxIsDividedByTheTimeUntilEveryDeploymentIsAvailableWhenThatWasMeasured() {
    LimitCommand.Floor floor = LimitCommand.Floor.of(best, Optional.of(Samples.of(List.of(36.0))));

    assertThat(floor.seconds()).isEqualTo(36.0);
    assertThat(floor.what()).isEqualTo("until every Deployment is Available");
  }

  @Test
  void withoutThatMeasurementItIsDividedByTheTimeUntilTheLastApplyAnswered() {
    LimitCommand.Floor floor = LimitCommand.Floor.of(best, Optional.empty());

    assertThat(floor.seconds()).isEqualTo(35.5);
    assertThat(floor.what()).isEqualTo("until the last apply answered");
  }
}
