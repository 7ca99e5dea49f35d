package dev.capstan.engine.source.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemverRangeTest {

  private static Semver v(String text) {
    return Semver.parse(text).orElseThrow();
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        ">=1.0.0 <2.0.0 ; 1.5.3 ; true",
        ">=1.0.0 <2.0.0 ; 2.0.0 ; false",
        ">=1.0.0, <2.0.0 ; 1.0.0 ; true",
        "^1.2.3 ; 1.9.0 ; true",
        "^1.2.3 ; 2.0.0 ; false",
        "^1.2.3 ; 1.2.2 ; false",
        "^0.2.3 ; 0.2.9 ; true",
        "^0.2.3 ; 0.3.0 ; false",
        "^0.0.3 ; 0.0.4 ; false",
        "~1.2.3 ; 1.2.9 ; true",
        "~1.2.3 ; 1.3.0 ; false",
        "~1 ; 1.9.9 ; true",
        "1.2.x ; 1.2.7 ; true",
        "1.2.x ; 1.3.0 ; false",
        "1.2 ; 1.2.5 ; true",
        "* ; 0.0.1 ; true",
        "1.2 - 1.4.5 ; 1.4.5 ; true",
        "1.2 - 1.4.5 ; 1.4.6 ; false",
        ">1.2 ; 1.2.9 ; false",
        ">1.2 ; 1.3.0 ; true",
        "<=1.2 ; 1.2.9 ; true",
        "!=1.2.3 ; 1.2.3 ; false",
        "1.0.0 || >=3.0 ; 3.1.0 ; true",
        "1.0.0 || >=3.0 ; 2.0.0 ; false",
        ">=1.0.0 ; 1.5.0-rc.1 ; false",
        ">=1.5.0-rc.0 ; 1.5.0-rc.1 ; true",
        ">=1.5.0-rc.0 ; 1.5.0-alpha ; false",
        ">=1.5.0-rc.0 <2.0.0 ; 1.5.0-rc.1 ; false",
        ">=1.5.0-rc.0 <2.0.0-0 ; 1.5.0-rc.1 ; true",
      })
  void matchesLikeMastermindsSemver(String range, String version, boolean expected) {
    assertThat(SemverRange.parse(range).matches(v(version))).isEqualTo(expected);
  }

  @Test
  void ordersBySemverPrecedence() {
    List<String> sorted =
        List.of(
                "1.0.0",
                "1.0.0-rc.1",
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-beta.11",
                "1.0.0-beta.2",
                "0.9.10",
                "0.9.9")
            .stream()
            .map(SemverRangeTest::v)
            .sorted()
            .map(Semver::toString)
            .toList();
    assertThat(sorted)
        .containsExactly(
            "0.9.9",
            "0.9.10",
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0");
  }

  @Test
  void parsesTagNames() {
    assertThat(Semver.parse("v1.2.3")).contains(v("1.2.3"));
    assertThat(Semver.parse("1.2")).contains(v("1.2.0"));
    assertThat(Semver.parse("release-1")).isEmpty();
    assertThat(Semver.parse("1.2.3+build.5")).contains(v("1.2.3"));
  }

  @Test
  void rejectsMalformedRanges() {
    assertThatThrownBy(() -> SemverRange.parse(">=banana"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("banana");
    assertThatThrownBy(() -> SemverRange.parse("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SemverRange.parse("1.0 ||"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
