package dev.capstan.kustomize.generate;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One key and value loaded from a generator's literals, files or env files. The value is kept as
 * bytes: file content need not be text.
 */
public record KvPair(String key, byte[] value) {
  public KvPair {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** A pair whose value is text. */
  public static KvPair text(String key, String value) {
    return new KvPair(key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The value as text when it is valid UTF-8, else null. */
  public String textOrNull() {
    return KvLoader.strictUtf8(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KvPair p && key.equals(p.key) && java.util.Arrays.equals(value, p.value);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + java.util.Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    String text = textOrNull();
    return key + "=" + (text == null ? "<" + value.length + " bytes>" : text);
  }
}
