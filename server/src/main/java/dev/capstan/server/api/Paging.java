package dev.capstan.server.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paging of a list response: {@code limit} with an opaque {@code continue} token (as Kubernetes
 * lists), or {@code offset} and {@code limit}. The answer is {@code {metadata: {continue?,
 * remainingItemCount?}, items}}. Without a limit everything is returned.
 *
 * @param limit page size; 0 for all
 * @param offset index of the first item
 */
record Paging(int limit, int offset) {
  private static final int MAX_LIMIT = 10_000;

  static Paging of(String limit, String continueToken, String offset) {
    int l = parse("limit", limit, 0);
    if (l > MAX_LIMIT) {
      throw ApiException.invalid("limit must be at most " + MAX_LIMIT);
    }
    int o = parse("offset", offset, 0);
    if (!continueToken.isEmpty()) {
      try {
        o =
            Integer.parseInt(
                new String(Base64.getUrlDecoder().decode(continueToken), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("continue token is not valid");
      }
      if (o < 0) {
        throw ApiException.invalid("continue token is not valid");
      }
    }
    return new Paging(l, o);
  }

  Map<String, Object> page(List<?> items) {
    int from = Math.min(offset, items.size());
    int to = limit == 0 ? items.size() : Math.min(items.size(), from + limit);
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (to < items.size()) {
      metadata.put(
          "continue",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8)));
      metadata.put("remainingItemCount", items.size() - to);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metadata", metadata);
    out.put("items", items.subList(from, to));
    return out;
  }

  private static int parse(String what, String value, int fallback) {
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(value);
      if (v < 0) {
        throw ApiException.invalid(what + " must not be negative");
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.invalid(what + " must be a number");
    }
  }
}
