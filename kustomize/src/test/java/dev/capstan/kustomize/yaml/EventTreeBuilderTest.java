package dev.capstan.kustomize.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kustomize.KustomizeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The event fast path of {@link YamlReader} against the full (composed) reader: wherever it accepts
 * a text, its trees must be the full reader's to the key order and scalar type; whatever the full
 * reader refuses it must decline.
 */
class EventTreeBuilderTest {
  private static final Path CORPUS = Path.of("../../shared/conformance/kustomize/cases");

  private static final List<String> EDGE_CASES =
      List.of(
          "",
          "---\n",
          "# only a comment\n",
          "a: 1\n---\n---\nb: [x, 'y', \"z\"]\n...\n",
          "a: &x {b: 1}\nc: *x\n",
          "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n",
          "'<<': quoted merge key\n",
          "k: !!binary aGVsbG8=\n",
          "k: !!str 12\n",
          "k: ! 12\n",
          "k: !custom x\n",
          "a: 1\na: 2\n",
          "1: int key\n",
          "null: k\n~: k2\n",
          "true: bool key\n",
          "? complex\n: value\n",
          "? [a, b]\n: value\n",
          "k: 2024-01-02\nt: 2024-01-02T03:04:05.100Z\ns: '2024-01-02'\n",
          "o: 017\nh: 0x1F\nb: 0b101\nf: 1.5e3\ninf: .inf\nbig: 1e400\nneg: -0\n",
          "y: yes\nn: no\non: on\nt: True\nnull1: Null\nempty:\n",
          "lit: |\n  a\n   b\nfold: >-\n  c\n  d\n",
          "flow: {a: [1, {b: c}], 'd': \"e\\tf\"}\n",
          "list:\n- a\n- - b\n  - c\n- {}\n- []\n",
          "bad: [unclosed\n",
          "a: b: c\n",
          "\tk: tab\n",
          "k: \"\\x00\\u263A\"\n",
          "- top\n- level\n- sequence\n",
          "just a scalar\n",
          "'quoted': 1\n\"dq\": 2\n");

  @Test
  void agreesWithTheFullReaderOnEdgeCases() {
    int accepted = 0;
    for (String text : EDGE_CASES) {
      accepted += compare(text, "edge case " + text.strip());
    }
    assertThat(accepted).as("edge cases read by the fast path").isBetween(10, EDGE_CASES.size());
  }

  @Test
  void agreesWithTheFullReaderOnEveryConformanceFile() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(CORPUS)) {
      s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThan(500);
    int accepted = 0;
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      accepted += compare(text, f.toString());
    }
    // nearly every real manifest is plain YAML; the rest use anchors, tags or are broken on purpose
    assertThat(accepted).as("files read by the fast path").isGreaterThan(files.size() * 9 / 10);
  }

  /** Compares both readers under both duplicate-key policies; returns 1 when the fast one read. */
  private static int compare(String text, String label) {
    int accepted = 0;
    for (boolean config : new boolean[] {false, true}) {
      Optional<List<Object>> fast = EventTreeBuilder.read(text, config);
      String full;
      try {
        full = describe(YamlReader.readComposed(text, "x", config));
      } catch (KustomizeException e) {
        assertThat(fast).as(label + " (config " + config + "): the full reader fails").isEmpty();
        continue;
      }
      if (fast.isPresent()) {
        assertThat(describe(fast.get())).as(label + " (config " + config + ")").isEqualTo(full);
        accepted = 1;
      }
    }
    return accepted;
  }

  /** A tree as text that shows key order and every scalar's type. */
  private static String describe(Object node) {
    StringBuilder sb = new StringBuilder();
    describe(node, sb);
    return sb.toString();
  }

  private static void describe(Object node, StringBuilder sb) {
    if (node instanceof Map<?, ?> m) {
      sb.append('{');
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(e.getKey()).append('=');
        describe(e.getValue(), sb);
        sb.append(',');
      }
      sb.append('}');
    } else if (node instanceof List<?> l) {
      sb.append('[');
      for (Object o : l) {
        describe(o, sb);
        sb.append(',');
      }
      sb.append(']');
    } else if (node == null) {
      sb.append("null");
    } else {
      sb.append(node.getClass().getSimpleName()).append(':').append(node);
    }
  }
}
