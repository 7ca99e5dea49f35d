package dev.capstan.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void nearestRankPercentilesOfUnsortedValues() {
    Samples s = Samples.of(List.of(4.0, 1.0, 3.0, 2.0));
    assertThat(s.p50()).isEqualTo(2.0);
    assertThat(s.p95()).isEqualTo(4.0);
    assertThat(s.percentile(25)).isEqualTo(1.0);
    assertThat(s.percentile(100)).isEqualTo(4.0);
    assertThat(s.max()).isEqualTo(4.0);
    assertThat(s.sum()).isEqualTo(10.0);
  }

  @Test
  void p95OfTwentyValuesIsTheNineteenth() {
    double[] v = new double[20];
    for (int i = 0; i < 20; i++) {
      v[i] = i + 1;
    }
    assertThat(new Samples(v).p95()).isEqualTo(19.0);
    assertThat(new Samples(v).p50()).isEqualTo(10.0);
  }

  @Test
  void singleValueIsEveryPercentile() {
    Samples s = Samples.of(List.of(7.5));
    assertThat(s.p50()).isEqualTo(7.5);
    assertThat(s.p95()).isEqualTo(7.5);
  }

  @Test
  void noValuesGiveNaN() {
    assertThat(Samples.of(List.of()).p50()).isNaN();
  }

  @Test
  void percentileOutsideRangeIsRejected() {
    assertThatThrownBy(() -> Samples.of(List.of(1.0)).percentile(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valuesAreCopied() {
    double[] v = {3, 1};
    Samples s = new Samples(v);
    v[0] = 100;
    assertThat(s.values()).containsExactly(1, 3);
  }
}
