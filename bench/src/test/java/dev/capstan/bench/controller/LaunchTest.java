package dev.capstan.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM options the benchmarks start controllers with, as {@code bin/capstan} does. */
class LaunchTest {

  @Test
  void aJvmOptionsFileIsItsWordsWithoutTheComments() {
    assertThat(
            Launch.fileOptions(
                List.of("# C1 only", "-XX:TieredStopAtLevel=1", "", "  # serial", "-a  -b\t")))
        .containsExactly("-XX:TieredStopAtLevel=1", "-a", "-b");
    assertThat(Launch.words(" ")).isEmpty();
  }

  @Test
  void theRepositoryFileHoldsOnlyOptions() throws Exception {
    // tests run in the module's directory, benchmarks from the repository root
    assertThat(Launch.fileOptions(Files.readAllLines(Path.of("../bin/jvm-options"))))
        .contains(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4")
        .anyMatch(w -> w.startsWith("-Djdk.tls.client.cipherSuites=TLS_CHACHA20_POLY1305_SHA256,"))
        .allMatch(w -> w.startsWith("-XX:") || w.startsWith("-D"));
  }
}
