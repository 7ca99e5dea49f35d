package dev.capstan.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The report of one benchmark run: Markdown text plus the {@code key=value} results of its last
 * line, {@code RESULT <name> key=value ...}. Built by the benchmark, then {@link #publish}ed once:
 * printed and written to {@code <dir>/<name>-<UTC date>.md} (a later run on the same day replaces
 * the file).
 */
public final class BenchReport {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
  private final String name;
  private final StringBuilder body = new StringBuilder();
  private final Map<String, String> results = new LinkedHashMap<>();

  public BenchReport(String name, String title) {
    this.name = name;
    body.append("# ").append(title).append("\n\n");
  }

  public String name() {
    return name;
  }

  public BenchReport paragraph(String text) {
    body.append(text).append("\n\n");
    return this;
  }

  public BenchReport heading(String text) {
    body.append("## ").append(text).append("\n\n");
    return this;
  }

  public BenchReport table(MarkdownTable table) {
    body.append(table.render()).append('\n');
    return this;
  }

  /** Adds a result; values must not contain spaces (they end up in one space-separated line). */
  public BenchReport result(String key, Object value) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("bad result key: " + key);
    }
    String text = value instanceof Double d ? number(d) : String.valueOf(value);
    if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "result " + key + " has an empty or spaced value: " + text);
    }
    results.put(key, text);
    return this;
  }

  public Map<String, String> results() {
    return Map.copyOf(results);
  }

  /** The machine-readable last line. */
  public String resultLine() {
    StringBuilder line = new StringBuilder("RESULT ").append(name);
    results.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    return line.toString();
  }

  /** The whole report: the Markdown body, then the result line in a code block. */
  public String render() {
    return body + "```\n" + resultLine() + "\n```\n";
  }

  /** Prints the report (its last line is the result line) and writes it; returns the file. */
  public Path publish(Path dir, Instant now, PrintStream out) {
    String date = DateTimeFormatter.ISO_LOCAL_DATE.format(now.atZone(ZoneOffset.UTC));
    Path file = dir.resolve(name + "-" + date + ".md");
    try {
      Files.createDirectories(dir);
      Files.writeString(file, render());
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file + " failed", e);
    }
    out.print(body);
    out.println("(written to " + file + ")");
    out.println(resultLine());
    out.flush();
    return file;
  }

  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "nan";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    String text = String.format(java.util.Locale.ROOT, Math.abs(d) >= 100 ? "%.1f" : "%.3f", d);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }
}
