package dev.capstan.testsupport.cluster;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A namespace that exists for one test class: created before its first test, deleted after its
 * last. Its name is a valid DNS label that shows the test class and is unique per run.
 *
 * @param name the namespace's name
 */
public record TestNamespace(String name) {
  private static final int MAX_LABEL = 63;
  private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int SUFFIX_LENGTH = 5;

  public TestNamespace {
    Objects.requireNonNull(name, "name");
  }

  /** A fresh name for a namespace of {@code testClass}: {@code it-<class>-<random>}. */
  public static TestNamespace forClass(Class<?> testClass) {
    StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
    }
    String stem = dnsLabel(testClass.getSimpleName());
    int room = MAX_LABEL - "it-".length() - 1 - SUFFIX_LENGTH;
    if (stem.length() > room) {
      stem = stem.substring(0, room).replaceAll("-+$", "");
    }
    return new TestNamespace("it-" + (stem.isEmpty() ? "" : stem + "-") + suffix);
  }

  /**
   * Lower-case letters, digits and single dashes: {@code ServerSideApplyIT} → {@code
   * server-side-apply-it}.
   */
  static String dnsLabel(String text) {
    String dashed = text.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    return dashed.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  @Override
  public String toString() {
    return name;
  }
}
