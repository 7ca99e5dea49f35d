package dev.capstan.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table built row by row. Cells are text; a {@code |} inside a cell is
 * escaped. Numeric columns are right-aligned when declared with {@link #numeric}.
 */
public final class MarkdownTable {
  private final List<String> header;
  private final boolean[] numeric;
  private final List<List<String>> rows = new ArrayList<>();

  public MarkdownTable(String... header) {
    this.header = List.of(header);
    this.numeric = new boolean[header.length];
  }

  /** Marks columns (0-based) as numeric: right-aligned. */
  public MarkdownTable numeric(int... columns) {
    for (int c : columns) {
      numeric[c] = true;
    }
    return this;
  }

  public MarkdownTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, table has " + header.size() + " columns");
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(escape(String.valueOf(cell)));
    }
    rows.add(row);
    return this;
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("| ")
        .append(String.join(" | ", header.stream().map(MarkdownTable::escape).toList()));
    out.append(" |\n|");
    for (int c = 0; c < header.size(); c++) {
      out.append(numeric[c] ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (List<String> row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|").replace("\n", " ");
  }

  /** Milliseconds with a precision that suits the magnitude: 0.123, 12.3, 1234. */
  public static String ms(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (value < 1) {
      return String.format(java.util.Locale.ROOT, "%.3f", value);
    }
    if (value < 100) {
      return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
    return String.format(java.util.Locale.ROOT, "%.0f", value);
  }
}
