package dev.capstan.server.auth;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * First-start setup of the server's secrets, as Argo CD's does: a random signing key ({@code
 * server.secretkey}) and, when the {@code admin} account has no password yet, a random initial
 * password, whose bcrypt hash goes to {@code capstan-secret} ({@code admin.password}, {@code
 * admin.passwordMtime}) and whose clear text goes to {@code capstan-initial-admin-secret} ({@code
 * password}) for {@code capstan admin initial-password}. Idempotent: existing values are kept; two
 * servers starting at once settle on one value (the loser of a create re-reads).
 */
public final class SecretBootstrap {
  public static final String INITIAL_ADMIN_SECRET = "capstan-initial-admin-secret";
  public static final String SECRET_KEY = "server.secretkey";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * What the bootstrap did.
   *
   * @param createdSecretKey whether a new signing key was made
   * @param createdAdminPassword whether a new initial admin password was made
   */
  public record Result(boolean createdSecretKey, boolean createdAdminPassword) {}

  private SecretBootstrap() {}

  /** Makes sure the signing key and an admin password exist in {@code namespace}. */
  public static Result ensure(KubernetesClient client, String namespace, Clock clock) {
    for (int attempt = 0; ; attempt++) {
      try {
        return ensureOnce(client, namespace, clock);
      } catch (KubernetesClientException e) {
        if ((e.getCode() != 409 && e.getCode() != 422) || attempt >= 3) {
          throw e;
        }
      }
    }
  }

  private static Result ensureOnce(KubernetesClient client, String namespace, Clock clock) {
    var secrets = client.secrets().inNamespace(namespace);
    Secret existing = secrets.withName(AccountStore.SECRET).get();
    Map<String, String> data = existing == null ? Map.of() : decode(existing);
    Map<String, String> additions = new LinkedHashMap<>();
    boolean newKey = data.getOrDefault(SECRET_KEY, "").isEmpty();
    if (newKey) {
      byte[] key = new byte[32];
      RANDOM.nextBytes(key);
      additions.put(SECRET_KEY, Base64.getEncoder().encodeToString(key));
    }
    String password = null;
    if (data.getOrDefault("admin.password", "").isEmpty()) {
      password = PasswordHasher.randomPassword(16);
      additions.put("admin.password", PasswordHasher.hash(password));
      additions.put(
          "admin.passwordMtime",
          clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }
    if (additions.isEmpty()) {
      return new Result(false, false);
    }
    if (password != null) {
      Secret initial =
          new SecretBuilder()
              .withNewMetadata()
              .withName(INITIAL_ADMIN_SECRET)
              .withNamespace(namespace)
              .addToLabels("app.kubernetes.io/part-of", "capstan")
              .endMetadata()
              .withType("Opaque")
              .addToData("password", encode(password))
              .build();
      secrets.resource(initial).createOr(r -> r.update());
    }
    if (existing == null) {
      Secret created =
          new SecretBuilder()
              .withNewMetadata()
              .withName(AccountStore.SECRET)
              .withNamespace(namespace)
              .addToLabels("app.kubernetes.io/part-of", "capstan")
              .endMetadata()
              .withType("Opaque")
              .build();
      Map<String, String> encoded = new HashMap<>();
      additions.forEach((k, v) -> encoded.put(k, encode(v)));
      created.setData(encoded);
      secrets.resource(created).create();
    } else {
      // Optimistic lock on the resourceVersion read above: a concurrent writer makes this a 409 and
      // we retry.
      Map<String, String> encoded =
          new HashMap<>(existing.getData() == null ? Map.of() : existing.getData());
      additions.forEach((k, v) -> encoded.put(k, encode(v)));
      existing.setData(encoded);
      secrets.resource(existing).update();
    }
    return new Result(newKey, password != null);
  }

  /** The decoded data of a Secret (stringData included). */
  public static Map<String, String> decode(Secret secret) {
    Map<String, String> out = new HashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  out.put(
                      k,
                      new String(
                          Base64.getDecoder().decode(v == null ? "" : v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      out.putAll(secret.getStringData());
    }
    return out;
  }

  private static String encode(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
