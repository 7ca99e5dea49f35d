package dev.capstan.engine.source.credentials;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The parts of a Kubernetes Secret the credential readers need, decoded (not base64).
 *
 * <p>{@link #toString()} lists the name, labels and data keys only, never values.
 *
 * @param name {@code namespace/name} or just the name, for messages
 * @param labels the secret's labels
 * @param data the secret's data, decoded; {@code stringData} can be passed through {@link
 *     #ofStrings}
 */
public record SecretData(String name, Map<String, String> labels, Map<String, byte[]> data) {

  public SecretData {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
    Map<String, byte[]> copy = new LinkedHashMap<>();
    data.forEach((k, v) -> copy.put(k, v.clone()));
    data = Map.copyOf(copy);
  }

  /** A secret whose values are given as strings (UTF-8). */
  public static SecretData ofStrings(
      String name, Map<String, String> labels, Map<String, String> values) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    values.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return new SecretData(name, labels, bytes);
  }

  /** A data value as UTF-8 text; empty when the key is absent or the value is blank. */
  public Optional<String> text(String key) {
    byte[] value = data.get(key);
    if (value == null) {
      return Optional.empty();
    }
    String text = new String(value, StandardCharsets.UTF_8);
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  /** A label value, if present. */
  public Optional<String> label(String key) {
    return Optional.ofNullable(labels.get(key));
  }

  @Override
  public String toString() {
    return "SecretData["
        + name
        + ", labels="
        + labels
        + ", keys="
        + new TreeSet<>(data.keySet())
        + "]";
  }
}
