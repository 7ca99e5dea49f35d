package dev.capstan.cli.flux;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A left-aligned table with three spaces between columns and upper-case headers, as the flux CLI
 * prints.
 */
final class FluxTable {
  private final List<List<String>> rows = new ArrayList<>();

  FluxTable(List<String> header) {
    rows.add(List.copyOf(header));
  }

  void row(List<String> cells) {
    rows.add(List.copyOf(cells));
  }

  int size() {
    return rows.size() - 1;
  }

  void print(PrintWriter out) {
    int columns = rows.getFirst().size();
    int[] width = new int[columns];
    for (List<String> r : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(r.get(i));
        if (i < columns - 1) {
          line.append(" ".repeat(width[i] - r.get(i).length() + 3));
        }
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }
}
