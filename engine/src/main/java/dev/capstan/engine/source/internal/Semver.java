package dev.capstan.engine.source.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version as Flux reads tag names: an optional {@code v}, then {@code
 * MAJOR[.MINOR[.PATCH]]} (missing parts are 0), an optional {@code -prerelease} and an ignored
 * {@code +build}. Ordered by semver 2.0 precedence. Immutable.
 *
 * @param major major
 * @param minor minor
 * @param patch patch
 * @param prerelease dot-separated prerelease identifiers, empty for a release
 */
public record Semver(BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease)
    implements Comparable<Semver> {

  private static final Pattern VERSION =
      Pattern.compile(
          "v?(0|[1-9]\\d*)(?:\\.(0|[1-9]\\d*))?(?:\\.(0|[1-9]\\d*))?"
              + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

  public Semver {
    prerelease = List.copyOf(prerelease);
  }

  /** Parses a tag name; empty if it is not a version. */
  public static Optional<Semver> parse(String text) {
    Matcher m = VERSION.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Semver(
            new BigInteger(m.group(1)),
            m.group(2) == null ? BigInteger.ZERO : new BigInteger(m.group(2)),
            m.group(3) == null ? BigInteger.ZERO : new BigInteger(m.group(3)),
            m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."))));
  }

  /** Whether this is a prerelease. */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  @Override
  public int compareTo(Semver o) {
    int c = major.compareTo(o.major);
    if (c == 0) {
      c = minor.compareTo(o.minor);
    }
    if (c == 0) {
      c = patch.compareTo(o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
      // A release ranks above its prereleases.
      return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
    }
    for (int i = 0; i < Math.min(prerelease.size(), o.prerelease.size()); i++) {
      c = compareIdentifier(prerelease.get(i), o.prerelease.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(prerelease.size(), o.prerelease.size());
  }

  private static int compareIdentifier(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit);
    boolean nb = b.chars().allMatch(Character::isDigit);
    if (na && nb) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    if (na != nb) {
      return na ? -1 : 1; // numeric identifiers rank below alphanumeric ones
    }
    return a.compareTo(b);
  }

  @Override
  public String toString() {
    return major
        + "."
        + minor
        + "."
        + patch
        + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease));
  }
}
