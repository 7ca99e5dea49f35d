package dev.capstan.controller.api.flux;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written in Go's {@code time.ParseDuration} format as Flux's {@code interval},
 * {@code timeout} and {@code retryInterval} fields hold them: a sequence of decimal numbers, each
 * with a unit of {@code ns}, {@code us}, {@code ms}, {@code s}, {@code m} or {@code h}, e.g. {@code
 * 1m}, {@code 10m30s}, {@code 1.5h}.
 */
public final class GoDuration {

  private static final Pattern PART =
      Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|ms|s|m|h)");

  private GoDuration() {}

  /**
   * Parses a Go duration.
   *
   * @throws IllegalArgumentException if {@code text} is not a Go duration; the message names the
   *     text
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("invalid duration \"\": empty");
    }
    String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (body.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(body);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      BigDecimal unit =
          switch (m.group(2)) {
            case "ns" -> BigDecimal.ONE;
            case "us", "µs" -> BigDecimal.valueOf(1_000L);
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            default -> BigDecimal.valueOf(3_600_000_000_000L);
          };
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(unit));
      end = m.end();
    }
    if (end == 0 || end != body.length()) {
      throw new IllegalArgumentException("invalid duration \"" + text + "\"");
    }
    Duration d = Duration.ofNanos(nanos.longValue());
    return text.startsWith("-") ? d.negated() : d;
  }
}
