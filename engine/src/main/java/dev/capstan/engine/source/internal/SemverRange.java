package dev.capstan.engine.source.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semver range in the syntax Flux's {@code spec.ref.semver} accepts (Masterminds semver v3):
 *
 * <ul>
 *   <li>{@code ||} separates alternatives; inside one, constraints separated by spaces or commas
 *       must all hold.
 *   <li>Operators {@code = != > >= < <=}; a bare version means {@code =}, and a partial one ({@code
 *       1.2}, {@code 1.2.x}, {@code *}) matches everything it leaves open.
 *   <li>{@code ~1.2.3} is {@code >=1.2.3 <1.3.0}; {@code ~1} is {@code >=1.0.0 <2.0.0}.
 *   <li>{@code ^1.2.3} is {@code >=1.2.3 <2.0.0}; {@code ^0.2.3} is {@code >=0.2.3 <0.3.0}; {@code
 *       ^0.0.3} is {@code >=0.0.3 <0.0.4}.
 *   <li>{@code 1.2 - 1.4.5} is {@code >=1.2.0 <=1.4.5}.
 *   <li>A prerelease version matches a constraint only if that constraint names a prerelease.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class SemverRange {

  private static final Pattern HYPHEN = Pattern.compile("\\s*([^\\s,]+)\\s+-\\s+([^\\s,]+)\\s*");
  private static final Pattern TERM =
      Pattern.compile("(!=|>=|<=|=>|=<|>|<|=|~>|~|\\^)?\\s*([^\\s,]+)");
  private static final Pattern PARTIAL =
      Pattern.compile(
          "v?(\\d+|[xX*])(?:\\.(\\d+|[xX*]))?(?:\\.(\\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  private record Partial(
      BigInteger major,
      Optional<BigInteger> minor,
      Optional<BigInteger> patch,
      List<String> prerelease,
      boolean any) {
    Semver floor() {
      return new Semver(
          major, minor.orElse(BigInteger.ZERO), patch.orElse(BigInteger.ZERO), prerelease);
    }

    /** The smallest release above everything this partial version covers. */
    Semver ceiling() {
      if (minor.isEmpty()) {
        return new Semver(major.add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO, List.of());
      }
      if (patch.isEmpty()) {
        return new Semver(major, minor.get().add(BigInteger.ONE), BigInteger.ZERO, List.of());
      }
      return new Semver(major, minor.get(), patch.get().add(BigInteger.ONE), List.of());
    }

    boolean exact() {
      return minor.isPresent() && patch.isPresent();
    }
  }

  private record Constraint(Predicate<Semver> test, boolean allowsPrerelease) {
    boolean matches(Semver v) {
      return (!v.isPrerelease() || allowsPrerelease) && test.test(v);
    }
  }

  private final String text;
  private final List<List<Constraint>> alternatives;

  private SemverRange(String text, List<List<Constraint>> alternatives) {
    this.text = text;
    this.alternatives = alternatives;
  }

  /**
   * Parses a range.
   *
   * @throws IllegalArgumentException with the offending part if the range is malformed
   */
  public static SemverRange parse(String range) {
    if (range == null || range.isBlank()) {
      throw new IllegalArgumentException("empty semver range");
    }
    List<List<Constraint>> alternatives = new ArrayList<>();
    for (String alternative : range.split("\\|\\|", -1)) {
      List<Constraint> all = new ArrayList<>();
      String rest = alternative.strip();
      Matcher hyphen = HYPHEN.matcher(rest);
      if (hyphen.matches()) {
        Partial low = partial(hyphen.group(1), range);
        Partial high = partial(hyphen.group(2), range);
        all.add(compare(">=", low));
        all.add(compare("<=", high));
      } else {
        Matcher term = TERM.matcher(rest);
        int at = 0;
        while (at < rest.length()) {
          while (at < rest.length() && (rest.charAt(at) == ' ' || rest.charAt(at) == ',')) {
            at++;
          }
          if (at >= rest.length()) {
            break;
          }
          if (!term.find(at) || term.start() != at) {
            throw new IllegalArgumentException(
                "invalid semver range '" + range + "' at '" + rest.substring(at) + "'");
          }
          all.add(
              constraint(
                  term.group(1) == null ? "" : term.group(1), partial(term.group(2), range)));
          at = term.end();
        }
      }
      if (all.isEmpty()) {
        throw new IllegalArgumentException(
            "invalid semver range '" + range + "': empty alternative");
      }
      alternatives.add(List.copyOf(all));
    }
    return new SemverRange(range.strip(), List.copyOf(alternatives));
  }

  /** Whether the version satisfies the range. */
  public boolean matches(Semver version) {
    return alternatives.stream().anyMatch(all -> all.stream().allMatch(c -> c.matches(version)));
  }

  @Override
  public String toString() {
    return text;
  }

  private static Partial partial(String text, String range) {
    Matcher m = PARTIAL.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid semver range '" + range + "': '" + text + "' is not a version");
    }
    boolean any = isWild(m.group(1));
    Optional<BigInteger> minor =
        any || m.group(2) == null || isWild(m.group(2))
            ? Optional.empty()
            : Optional.of(new BigInteger(m.group(2)));
    Optional<BigInteger> patch =
        minor.isEmpty() || m.group(3) == null || isWild(m.group(3))
            ? Optional.empty()
            : Optional.of(new BigInteger(m.group(3)));
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    return new Partial(any ? BigInteger.ZERO : new BigInteger(m.group(1)), minor, patch, pre, any);
  }

  private static boolean isWild(String part) {
    return part.equals("x") || part.equals("X") || part.equals("*");
  }

  private static Constraint constraint(String op, Partial p) {
    boolean pre = !p.prerelease().isEmpty();
    if (p.any()) {
      return new Constraint(v -> !op.equals("!=") && !op.equals("<") && !op.equals(">"), pre);
    }
    return switch (op) {
      case "", "=" ->
          p.exact()
              ? new Constraint(v -> v.compareTo(p.floor()) == 0, pre)
              : new Constraint(
                  v -> v.compareTo(p.floor()) >= 0 && v.compareTo(p.ceiling()) < 0, pre);
      case "!=" ->
          p.exact()
              ? new Constraint(v -> v.compareTo(p.floor()) != 0, pre)
              : new Constraint(
                  v -> v.compareTo(p.floor()) < 0 || v.compareTo(p.ceiling()) >= 0, pre);
      case "~", "~>" -> {
        Semver low = p.floor();
        Semver high =
            p.minor().isEmpty()
                ? new Semver(
                    p.major().add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO, List.of())
                : new Semver(
                    p.major(), p.minor().get().add(BigInteger.ONE), BigInteger.ZERO, List.of());
        yield new Constraint(v -> v.compareTo(low) >= 0 && v.compareTo(high) < 0, pre);
      }
      case "^" -> {
        Semver low = p.floor();
        Semver high;
        if (p.major().signum() > 0 || p.minor().isEmpty()) {
          high =
              new Semver(
                  p.major().add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO, List.of());
        } else if (p.minor().get().signum() > 0 || p.patch().isEmpty()) {
          high =
              new Semver(
                  BigInteger.ZERO, p.minor().get().add(BigInteger.ONE), BigInteger.ZERO, List.of());
        } else {
          high =
              new Semver(
                  BigInteger.ZERO, BigInteger.ZERO, p.patch().get().add(BigInteger.ONE), List.of());
        }
        yield new Constraint(v -> v.compareTo(low) >= 0 && v.compareTo(high) < 0, pre);
      }
      default -> compare(op, p);
    };
  }

  private static Constraint compare(String op, Partial p) {
    boolean pre = !p.prerelease().isEmpty();
    if (p.any()) {
      return new Constraint(
          v -> op.equals(">=") || op.equals("=>") || op.equals("<=") || op.equals("=<"), pre);
    }
    Semver floor = p.floor();
    Semver ceiling = p.exact() ? null : p.ceiling();
    return switch (op) {
      case ">=", "=>" -> new Constraint(v -> v.compareTo(floor) >= 0, pre);
      case ">" ->
          ceiling == null
              ? new Constraint(v -> v.compareTo(floor) > 0, pre)
              : new Constraint(v -> v.compareTo(ceiling) >= 0, pre);
      case "<" -> new Constraint(v -> v.compareTo(floor) < 0, pre);
      case "<=", "=<" ->
          ceiling == null
              ? new Constraint(v -> v.compareTo(floor) <= 0, pre)
              : new Constraint(v -> v.compareTo(ceiling) < 0, pre);
      default -> throw new IllegalArgumentException("unknown operator " + op);
    };
  }
}
