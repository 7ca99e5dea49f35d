package dev.capstan.server.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.server.cache.NamedObjectWatch;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Local accounts, in Argo CD's layout: capabilities in {@code capstan-cm} ({@code accounts.<name>:
 * apiKey, login}, {@code accounts.<name>.enabled}, {@code admin.enabled}); password hashes, their
 * change times and issued API token ids in {@code capstan-secret} ({@code admin.password}, {@code
 * admin.passwordMtime}, {@code accounts.<name>.password}, {@code accounts.<name>.tokens}). Reads
 * are served from watches; writes go to the cluster at once. Thread-safe.
 */
public final class AccountStore implements AutoCloseable {
  public static final String SECRET = "capstan-secret";
  public static final String CONFIG_MAP = "capstan-cm";
  public static final String ADMIN = "admin";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final String namespace;
  private final NamedObjectWatch<Secret> secret;
  private final NamedObjectWatch<ConfigMap> settings;

  public AccountStore(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
    this.secret = new NamedObjectWatch<>(client.secrets().inNamespace(namespace).withName(SECRET));
    this.settings =
        new NamedObjectWatch<>(client.configMaps().inNamespace(namespace).withName(CONFIG_MAP));
  }

  /** The signing key ({@code server.secretkey}); {@link SecretBootstrap} makes sure it exists. */
  public byte[] secretKey() {
    String key = secretData().get(SecretBootstrap.SECRET_KEY);
    if (key == null || key.isEmpty()) {
      throw new IllegalStateException(
          "Secret/" + namespace + "/" + SECRET + " has no " + SecretBootstrap.SECRET_KEY);
    }
    return key.getBytes(StandardCharsets.UTF_8);
  }

  /** A shared secret of {@code capstan-secret} (e.g. {@code webhook.github.secret}). */
  public Optional<String> secretValue(String key) {
    return Optional.ofNullable(secretData().get(key)).filter(v -> !v.isEmpty());
  }

  /** The account named {@code name}. */
  public Optional<Account> account(String name) {
    Map<String, String> cm = settingsData();
    Map<String, String> sec = secretData();
    if (name.equals(ADMIN)) {
      boolean enabled = !"false".equalsIgnoreCase(cm.getOrDefault("admin.enabled", "true").strip());
      Set<String> caps =
          cm.containsKey("accounts.admin")
              ? capabilities(cm.get("accounts.admin"))
              : Set.of(Account.LOGIN);
      return Optional.of(
          new Account(
              ADMIN,
              enabled,
              caps,
              sec.getOrDefault("admin.password", ""),
              mtime(sec.get("admin.passwordMtime")),
              tokens(sec.get("admin.tokens"))));
    }
    String caps = cm.get("accounts." + name);
    if (caps == null || name.contains(".")) {
      return Optional.empty();
    }
    boolean enabled =
        !"false".equalsIgnoreCase(cm.getOrDefault("accounts." + name + ".enabled", "true").strip());
    String prefix = "accounts." + name;
    return Optional.of(
        new Account(
            name,
            enabled,
            capabilities(caps),
            sec.getOrDefault(prefix + ".password", ""),
            mtime(sec.get(prefix + ".passwordMtime")),
            tokens(sec.get(prefix + ".tokens"))));
  }

  /** Every account, admin first, then by name. */
  public List<Account> accounts() {
    Set<String> names = new TreeSet<>();
    for (String key : settingsData().keySet()) {
      if (key.startsWith("accounts.") && key.indexOf('.', "accounts.".length()) < 0) {
        names.add(key.substring("accounts.".length()));
      }
    }
    names.remove(ADMIN);
    List<Account> out = new ArrayList<>();
    account(ADMIN).ifPresent(out::add);
    names.forEach(n -> account(n).ifPresent(out::add));
    return out;
  }

  /**
   * Sets a new password hash for {@code name}, changed now (which voids its earlier login tokens).
   */
  public void setPassword(String name, String hash, Instant now) {
    String prefix = name.equals(ADMIN) ? "admin" : "accounts." + name;
    write(Map.of(prefix + ".password", hash, prefix + ".passwordMtime", now.toString()));
  }

  /** Records an issued API token of {@code name}. */
  public void addToken(String name, Account.ApiToken token) {
    Account account = account(name).orElseThrow();
    List<Account.ApiToken> tokens = new ArrayList<>(account.tokens());
    tokens.removeIf(t -> t.id().equals(token.id()));
    tokens.add(token);
    writeTokens(name, tokens);
  }

  /** Revokes the API token {@code id} of {@code name}; false when there is none. */
  public boolean removeToken(String name, String id) {
    Account account = account(name).orElseThrow();
    List<Account.ApiToken> tokens = new ArrayList<>(account.tokens());
    if (!tokens.removeIf(t -> t.id().equals(id))) {
      return false;
    }
    writeTokens(name, tokens);
    return true;
  }

  private void writeTokens(String name, List<Account.ApiToken> tokens) {
    List<Map<String, Object>> json =
        tokens.stream()
            .map(
                t -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", t.id());
                  m.put("iat", t.issuedAt());
                  if (t.expiresAt() > 0) {
                    m.put("exp", t.expiresAt());
                  }
                  return m;
                })
            .toList();
    try {
      write(
          Map.of(
              (name.equals(ADMIN) ? "admin" : "accounts." + name) + ".tokens",
              JSON.writeValueAsString(json)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void write(Map<String, String> values) {
    Secret updated =
        client
            .secrets()
            .inNamespace(namespace)
            .withName(SECRET)
            .edit(
                s -> {
                  Map<String, String> data =
                      new HashMap<>(s.getData() == null ? Map.of() : s.getData());
                  values.forEach(
                      (k, v) ->
                          data.put(
                              k,
                              Base64.getEncoder()
                                  .encodeToString(v.getBytes(StandardCharsets.UTF_8))));
                  s.setData(data);
                  return s;
                });
    secret.offer(updated);
  }

  private Map<String, String> secretData() {
    return secret.get().map(SecretBootstrap::decode).orElse(Map.of());
  }

  private Map<String, String> settingsData() {
    return settings.get().map(ConfigMap::getData).map(Map::copyOf).orElse(Map.of());
  }

  /** The capabilities of an {@code accounts.<name>} value ({@code apiKey, login}). */
  static Set<String> capabilities(String value) {
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static Optional<Instant> mtime(String value) {
    try {
      return value == null || value.isBlank()
          ? Optional.empty()
          : Optional.of(Instant.parse(value.strip()));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static List<Account.ApiToken> tokens(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      List<Map<String, Object>> list = JSON.readValue(json, new TypeReference<>() {});
      return list.stream()
          .map(
              m ->
                  new Account.ApiToken(
                      String.valueOf(m.get("id")), number(m.get("iat")), number(m.get("exp"))))
          .toList();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  @Override
  public void close() {
    secret.close();
    settings.close();
  }
}
