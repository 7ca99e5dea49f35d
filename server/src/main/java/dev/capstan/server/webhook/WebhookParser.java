package dev.capstan.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.server.api.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tells the provider of a webhook request by its event header, authenticates it with that
 * provider's secret and reads a push event from the payload. Authentication comes before the
 * payload is looked at, so an unauthenticated caller learns nothing but 401.
 *
 * <ul>
 *   <li>GitHub: {@code X-GitHub-Event}, {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the
 *       raw body>} keyed with {@code webhook.github.secret}; event {@code push}.
 *   <li>GitLab: {@code X-Gitlab-Event}, {@code X-Gitlab-Token} equal to {@code
 *       webhook.gitlab.secret}; events {@code Push Hook} and {@code Tag Push Hook}.
 *   <li>Bitbucket Cloud: {@code X-Event-Key}, which has no signature; {@code X-Hook-UUID} must
 *       equal {@code webhook.bitbucket.uuid} (as Argo CD does); event {@code repo:push}.
 * </ul>
 *
 * A provider whose secret is not configured is refused. Comparisons are constant-time. Stateless.
 */
public final class WebhookParser {
  public static final String GITHUB_SECRET = "webhook.github.secret";
  public static final String GITLAB_SECRET = "webhook.gitlab.secret";
  public static final String BITBUCKET_UUID = "webhook.bitbucket.uuid";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What a request asks for: a push, or an authenticated event that needs no action. */
  public sealed interface Outcome permits Push, Ignored {}

  /** A push to act on. */
  public record Push(PushEvent event) implements Outcome {}

  /** An authenticated event that is not a push (e.g. a ping). */
  public record Ignored(String provider, String event) implements Outcome {}

  private WebhookParser() {}

  /**
   * Parses a request: {@code headers} gives a header's first value (names case-insensitive), {@code
   * secrets} a {@code capstan-secret} key's value.
   *
   * @throws ApiException 400 for an unknown provider or a malformed payload, 401 for a failed or
   *     impossible authentication
   */
  public static Outcome parse(
      Function<String, Optional<String>> headers,
      byte[] body,
      Function<String, Optional<String>> secrets) {
    Optional<String> github = headers.apply("X-GitHub-Event");
    if (github.isPresent()) {
      String secret =
          secrets.apply(GITHUB_SECRET).orElseThrow(() -> notConfigured("GitHub", GITHUB_SECRET));
      if (!githubSignatureValid(secret, body, headers.apply("X-Hub-Signature-256").orElse(null))) {
        throw ApiException.unauthenticated("webhook signature is missing or does not match");
      }
      if (!github.get().strip().equals("push")) {
        return new Ignored("github", github.get().strip());
      }
      return new Push(github(json(body)));
    }
    Optional<String> gitlab = headers.apply("X-Gitlab-Event");
    if (gitlab.isPresent()) {
      String secret =
          secrets.apply(GITLAB_SECRET).orElseThrow(() -> notConfigured("GitLab", GITLAB_SECRET));
      if (!constantTimeEquals(secret, headers.apply("X-Gitlab-Token").orElse(null))) {
        throw ApiException.unauthenticated("webhook token is missing or does not match");
      }
      String event = gitlab.get().strip();
      if (!event.equals("Push Hook") && !event.equals("Tag Push Hook")) {
        return new Ignored("gitlab", event);
      }
      return new Push(gitlab(json(body)));
    }
    Optional<String> bitbucket = headers.apply("X-Event-Key");
    if (bitbucket.isPresent()) {
      String uuid =
          secrets
              .apply(BITBUCKET_UUID)
              .orElseThrow(() -> notConfigured("Bitbucket", BITBUCKET_UUID));
      if (!constantTimeEquals(uuid, headers.apply("X-Hook-UUID").orElse(null))) {
        throw ApiException.unauthenticated("webhook UUID is missing or does not match");
      }
      if (!bitbucket.get().strip().equals("repo:push")) {
        return new Ignored("bitbucket", bitbucket.get().strip());
      }
      return new Push(bitbucket(json(body)));
    }
    throw ApiException.invalid(
        "unknown webhook event: expected an X-GitHub-Event, X-Gitlab-Event or X-Event-Key (Bitbucket Cloud) header");
  }

  /** Whether {@code header} is {@code sha256=<hex HMAC-SHA256 of body keyed with secret>}. */
  public static boolean githubSignatureValid(String secret, byte[] body, String header) {
    if (header == null || !header.startsWith("sha256=")) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(7).strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmacSha256(secret, body), given);
  }

  /** HMAC-SHA256 of {@code body} keyed with {@code secret}. */
  public static byte[] hmacSha256(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Equality that takes the same time whatever the content (both sides are hashed first, so the
   * length does not show either).
   */
  static boolean constantTimeEquals(String expected, String given) {
    if (given == null) {
      return false;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
      byte[] b = sha.digest(given.strip().getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(a, b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static PushEvent github(JsonNode p) {
    JsonNode repo = p.path("repository");
    List<String> urls =
        texts(
            repo.path("html_url"),
            repo.path("clone_url"),
            repo.path("ssh_url"),
            repo.path("git_url"),
            repo.path("svn_url"));
    return event("github", urls, refs(p.path("ref")), text(repo.path("default_branch")));
  }

  static PushEvent gitlab(JsonNode p) {
    JsonNode project = p.path("project");
    JsonNode repo = p.path("repository");
    List<String> urls =
        texts(
            project.path("web_url"),
            project.path("git_http_url"),
            project.path("git_ssh_url"),
            repo.path("homepage"),
            repo.path("git_http_url"),
            repo.path("git_ssh_url"));
    return event("gitlab", urls, refs(p.path("ref")), text(project.path("default_branch")));
  }

  static PushEvent bitbucket(JsonNode p) {
    JsonNode repo = p.path("repository");
    List<String> urls = new ArrayList<>(texts(repo.path("links").path("html").path("href")));
    for (JsonNode clone : repo.path("links").path("clone")) {
      text(clone.path("href")).ifPresent(urls::add);
    }
    // Bitbucket Cloud's push payload has no clone URLs: derive HTTPS and SSH forms from the web
    // address.
    List<String> derived = new ArrayList<>();
    for (String u : urls) {
      RepoUrl.normalize(u)
          .ifPresent(
              n -> {
                int slash = n.indexOf('/');
                derived.add("https://" + n + ".git");
                derived.add("git@" + n.substring(0, slash) + ":" + n.substring(slash + 1) + ".git");
              });
    }
    urls.addAll(derived);
    List<GitRef> refs = new ArrayList<>();
    for (JsonNode change : p.path("push").path("changes")) {
      JsonNode target = change.path("new");
      Optional<String> name = text(target.path("name"));
      String type = target.path("type").asText("");
      if (name.isPresent() && (type.equals("branch") || type.equals("named_branch"))) {
        refs.add(GitRef.branch(name.get()));
      } else if (name.isPresent() && (type.equals("tag") || type.equals("annotated_tag"))) {
        refs.add(GitRef.tag(name.get()));
      }
    }
    return event("bitbucket", urls, refs, text(repo.path("mainbranch").path("name")));
  }

  private static PushEvent event(
      String provider, List<String> urls, List<GitRef> refs, Optional<String> defaultBranch) {
    if (urls.stream().noneMatch(u -> RepoUrl.normalize(u).isPresent())) {
      throw ApiException.invalid("the " + provider + " push payload names no repository URL");
    }
    return new PushEvent(provider, urls, refs, defaultBranch);
  }

  private static JsonNode json(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiException.invalid("webhook payload must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw ApiException.invalid("webhook payload is not valid JSON");
    }
  }

  private static List<GitRef> refs(JsonNode ref) {
    return text(ref).flatMap(GitRef::parse).map(List::of).orElse(List.of());
  }

  private static List<String> texts(JsonNode... nodes) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : nodes) {
      text(n).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() && !n.asText().isBlank()
        ? Optional.of(n.asText().strip())
        : Optional.empty();
  }

  private static ApiException notConfigured(String provider, String key) {
    return ApiException.unauthenticated(
        provider + " webhooks are not accepted: " + key + " is not set in capstan-secret");
  }
}
