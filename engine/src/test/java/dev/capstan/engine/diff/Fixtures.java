package dev.capstan.engine.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the golden fixtures under {@code testdata/<case>/}: target.yaml, live.yaml, expected.diff.
 */
final class Fixtures {
  private static final YAMLMapper YAML = new YAMLMapper();

  private Fixtures() {}

  static ObjectNode yaml(String testCase, String file) {
    try (InputStream in = open(testCase, file)) {
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String testCase, String file) {
    try (InputStream in = open(testCase, file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String testCase, String file) {
    String path = "testdata/" + testCase + "/" + file;
    InputStream in = Fixtures.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalArgumentException("missing fixture " + path);
    }
    return in;
  }
}
