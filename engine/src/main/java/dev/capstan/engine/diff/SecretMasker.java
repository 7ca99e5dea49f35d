package dev.capstan.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Hides Secret values before anything is compared or shown, the way Argo CD does: every value of
 * {@code data} is replaced by a run of {@code +} characters ({@code ++++++++} for the first
 * distinct value of a key, one {@code +} more for each further distinct value of the same key).
 * Equal values on both sides get the same mask and different values different masks, so a diff
 * still shows that a key was added, removed or changed, but never what it holds.
 *
 * <p>{@code stringData} is folded into {@code data} first (base64-encoded, overriding {@code data}
 * as the API server does), so a desired Secret written with {@code stringData} compares equal to
 * the live Secret that the server stored with {@code data}.
 */
final class SecretMasker {

  static final String MASK = "++++++++";

  private SecretMasker() {}

  /** True for the core Secret kind. */
  static boolean isSecret(JsonNode object) {
    return object != null
        && "Secret".equals(object.path("kind").asText())
        && "v1".equals(object.path("apiVersion").asText());
  }

  /** Masks the given Secrets in place; null entries (absent sides) are skipped. */
  static void mask(ObjectNode... objects) {
    List<ObjectNode> secrets = new ArrayList<>();
    for (ObjectNode o : objects) {
      if (o != null && isSecret(o)) {
        foldStringData(o);
        secrets.add(o);
      }
    }
    TreeSet<String> keys = new TreeSet<>();
    for (ObjectNode s : secrets) {
      s.path("data").fieldNames().forEachRemaining(keys::add);
    }
    for (String key : keys) {
      Map<String, String> maskByValue = new HashMap<>();
      for (ObjectNode s : secrets) {
        if (s.get("data") instanceof ObjectNode data && data.has(key)) {
          String value = data.get(key).asText();
          String mask =
              maskByValue.computeIfAbsent(value, v -> MASK + "+".repeat(maskByValue.size()));
          data.put(key, mask);
        }
      }
    }
    for (ObjectNode s : secrets) {
      if (s.get("metadata") instanceof ObjectNode meta
          && meta.get("annotations") instanceof ObjectNode annotations) {
        // kubectl's last-applied annotation carries the whole Secret in clear text
        annotations.remove(ServerFieldsNormalizer.LAST_APPLIED);
      }
    }
  }

  private static void foldStringData(ObjectNode secret) {
    if (!(secret.get("stringData") instanceof ObjectNode stringData)) {
      secret.remove("stringData");
      return;
    }
    ObjectNode data = secret.get("data") instanceof ObjectNode d ? d : secret.putObject("data");
    stringData
        .properties()
        .forEach(
            e ->
                data.put(
                    e.getKey(),
                    Base64.getEncoder()
                        .encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
    secret.remove("stringData");
  }
}
