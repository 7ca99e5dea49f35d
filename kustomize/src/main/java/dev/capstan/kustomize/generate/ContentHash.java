package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.resource.Resource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kustomize's content hash, the ten-character name suffix of generated ConfigMaps and Secrets.
 *
 * <p>The hash is the SHA-256 of a JSON encoding, hex-encoded, cut to ten characters, with the
 * characters {@code 0 1 3 a e} mapped to {@code g h k m t} (so that the suffix never reads as a
 * number and avoids some vowels). The encoding is:
 *
 * <ul>
 *   <li>ConfigMap: {@code {"data":…,"kind":"ConfigMap","name":""}}, plus {@code binaryData} when it
 *       is a mapping;
 *   <li>Secret: {@code {"data":…,"kind":"Secret","name":"","type":…}}, plus {@code stringData} when
 *       it is a mapping;
 *   <li>any other kind: the whole object.
 * </ul>
 *
 * An absent field encodes as the empty string. kustomize looks the name up with the single path
 * element {@code "metadata/name"}, which never matches, so the name is always encoded as the empty
 * string: objects with equal data get equal suffixes (verified against kubectl). Thread-safe and
 * stateless.
 */
public final class ContentHash {
  private ContentHash() {}

  /** The ten-character suffix for a resource's current content. */
  public static String of(Resource resource) {
    return suffix(sha256Hex(encoding(resource)));
  }

  /** The JSON text that is hashed (visible for tests). */
  static String encoding(Resource resource) {
    Map<String, Object> content = resource.content();
    return switch (resource.kind()) {
      case "ConfigMap" -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "ConfigMap");
        m.put("name", scalarText(content.get("metadata/name")));
        m.put("data", fieldValue(content.get("data")));
        if (content.get("binaryData") instanceof Map<?, ?> binary) {
          m.put("binaryData", binary);
        }
        yield GoJson.encodeWithFloatNumbers(m);
      }
      case "Secret" -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "Secret");
        m.put("type", scalarText(content.get("type")));
        m.put("name", scalarText(content.get("metadata/name")));
        m.put("data", fieldValue(content.get("data")));
        if (content.get("stringData") instanceof Map<?, ?> stringData) {
          m.put("stringData", stringData);
        }
        yield GoJson.encodeWithFloatNumbers(m);
      }
      default -> GoJson.encode(content);
    };
  }

  /** kustomize reads a scalar through its YAML node text; an absent one is "". */
  private static String scalarText(Object value) {
    return switch (value) {
      case null -> "";
      case String s -> s;
      case Map<?, ?> m -> "";
      case List<?> l -> "";
      default -> String.valueOf(value);
    };
  }

  /** data, binaryData and stringData are maps; kustomize encodes an absent or scalar one as "". */
  private static Object fieldValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    if (value instanceof List<?>) {
      return null; // a sequence does not decode into Go's map: kustomize gets a nil map
    }
    return value == null ? "" : scalarText(value);
  }

  static String sha256Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(64);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  static String suffix(String hex) {
    char[] enc = hex.substring(0, 10).toCharArray();
    for (int i = 0; i < enc.length; i++) {
      enc[i] =
          switch (enc[i]) {
            case '0' -> 'g';
            case '1' -> 'h';
            case '3' -> 'k';
            case 'a' -> 'm';
            case 'e' -> 't';
            default -> enc[i];
          };
    }
    return new String(enc);
  }
}
