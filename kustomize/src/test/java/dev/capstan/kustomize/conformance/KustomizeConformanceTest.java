package dev.capstan.kustomize.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of the kustomize conformance corpus. A case is skipped only when it is listed in
 * {@code conformance/skips.txt} with a reason. Prints the pass count at the end.
 */
class KustomizeConformanceTest {
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger FAILED = new AtomicInteger();
  private static final AtomicInteger SKIPPED = new AtomicInteger();

  static List<ConformanceCase> cases() throws IOException {
    return ConformanceCase.all();
  }

  static Map<String, String> skips() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (var in = KustomizeConformanceTest.class.getResourceAsStream("/conformance/skips.txt")) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes()).split("\n")) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        int sp = t.indexOf(' ');
        out.put(sp < 0 ? t : t.substring(0, sp), sp < 0 ? "" : t.substring(sp + 1).strip());
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesKubectl(ConformanceCase c) throws IOException {
    String reason = skips().get(c.id());
    if (reason != null) {
      SKIPPED.incrementAndGet();
      assumeTrue(false, "skipped: " + reason);
    }
    String problem = c.check();
    if (problem == null) {
      PASSED.incrementAndGet();
    } else {
      FAILED.incrementAndGet();
    }
    assertThat(problem).as(c.id() + " (" + c.str("origin", "") + ")").isNull();
  }

  @AfterAll
  static void report() {
    System.out.printf(
        "kustomize conformance: %d passed, %d failed, %d skipped (corpus %s%s)%n",
        PASSED.get(),
        FAILED.get(),
        SKIPPED.get(),
        ConformanceCase.CORPUS,
        Files.isDirectory(ConformanceCase.CORPUS) ? "" : " MISSING");
  }

  /**
   * Quick runner: {@code java ... KustomizeConformanceTest [filter]} prints failures and counts.
   */
  public static void main(String[] args) throws IOException {
    int pass = 0;
    int fail = 0;
    Map<String, String> skips = skips();
    for (ConformanceCase c : cases()) {
      if (args.length > 0 && !c.id().contains(args[0])) {
        continue;
      }
      if (skips.containsKey(c.id())) {
        continue;
      }
      String p;
      try {
        p = c.check();
      } catch (RuntimeException | StackOverflowError e) {
        p = "crashed: " + e;
      }
      if (p == null) {
        pass++;
      } else {
        fail++;
        System.out.println(
            "FAIL "
                + c.id()
                + ": "
                + p.lines().limit(6).reduce((x, y) -> x + "\n    " + y).orElse(""));
      }
    }
    System.out.println("passed " + pass + ", failed " + fail + ", skipped " + skips.size());
  }
}
