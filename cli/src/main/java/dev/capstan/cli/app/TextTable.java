package dev.capstan.cli.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A left-aligned text table with two spaces between columns, like kubectl's and argocd's. */
final class TextTable {
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    rows.add(List.of(header));
  }

  TextTable row(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(c == null ? "" : String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  void print(PrintWriter out) {
    int columns = rows.getFirst().size();
    int[] width = new int[columns];
    for (List<String> r : rows) {
      for (int i = 0; i < columns && i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        String cell = i < r.size() ? r.get(i) : "";
        line.append(cell);
        if (i < columns - 1) {
          line.append(" ".repeat(width[i] - cell.length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
