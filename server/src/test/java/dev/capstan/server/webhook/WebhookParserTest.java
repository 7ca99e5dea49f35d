package dev.capstan.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.server.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WebhookParserTest {
  private static final String SECRET = "s3cret-for-tests";
  private static final Function<String, Optional<String>> SECRETS =
      k ->
          Optional.ofNullable(
              Map.of(
                      WebhookParser.GITHUB_SECRET,
                      SECRET,
                      WebhookParser.GITLAB_SECRET,
                      SECRET,
                      WebhookParser.BITBUCKET_UUID,
                      "{a1b2-c3}")
                  .get(k));
  private static final Function<String, Optional<String>> NO_SECRETS = k -> Optional.empty();

  private static final String GITHUB_PUSH =
      """
      {"ref": "refs/heads/main", "before": "a", "after": "b",
       "repository": {"full_name": "org/repo", "html_url": "https://github.com/org/repo", "clone_url": "https://github.com/org/repo.git",
                      "ssh_url": "git@github.com:org/repo.git", "default_branch": "main"}}
      """;
  private static final String GITLAB_TAG_PUSH =
      """
      {"object_kind": "tag_push", "ref": "refs/tags/v1.0.0",
       "project": {"web_url": "https://gitlab.example.com/group/app", "git_http_url": "https://gitlab.example.com/group/app.git",
                   "git_ssh_url": "git@gitlab.example.com:group/app.git", "default_branch": "main"}}
      """;
  private static final String BITBUCKET_PUSH =
      """
      {"repository": {"full_name": "team/app", "links": {"html": {"href": "https://bitbucket.org/team/app"}}, "mainbranch": {"name": "main"}},
       "push": {"changes": [
         {"new": {"type": "branch", "name": "develop"}, "old": {"type": "branch", "name": "develop"}},
         {"new": {"type": "tag", "name": "v2"}, "old": null},
         {"new": null, "old": {"type": "branch", "name": "gone"}}]}}
      """;

  private static Function<String, Optional<String>> headers(String... kv) {
    Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return k -> Optional.ofNullable(m.get(k.toLowerCase(Locale.ROOT)));
  }

  private static String sign(String secret, String body) {
    return "sha256="
        + HexFormat.of()
            .formatHex(WebhookParser.hmacSha256(secret, body.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int status(Runnable r) {
    try {
      r.run();
    } catch (ApiException e) {
      assertThat(e.getMessage()).doesNotContain(SECRET);
      return e.httpStatus();
    }
    throw new AssertionError("no ApiException");
  }

  /** The status a GitHub push of {@code body} signed with {@code signedWith} is refused with. */
  private static int signedGitHubPushStatus(
      String signedWith, String body, Function<String, Optional<String>> secrets) {
    return status(
        () ->
            WebhookParser.parse(
                headers("X-GitHub-Event", "push", "X-Hub-Signature-256", sign(signedWith, body)),
                bytes(body),
                secrets));
  }

  @Test
  void githubSignatureIsHmacSha256OfTheRawBody() {
    byte[] body = bytes(GITHUB_PUSH);
    // Known answer: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
    assertThat(
            WebhookParser.githubSignatureValid(
                "key",
                bytes("The quick brown fox jumps over the lazy dog"),
                "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"))
        .isTrue();
    assertThat(WebhookParser.githubSignatureValid(SECRET, body, sign(SECRET, GITHUB_PUSH)))
        .isTrue();
    assertThat(WebhookParser.githubSignatureValid(SECRET, body, sign("other", GITHUB_PUSH)))
        .isFalse();
    assertThat(
            WebhookParser.githubSignatureValid(
                SECRET, bytes(GITHUB_PUSH + " "), sign(SECRET, GITHUB_PUSH)))
        .isFalse();
    assertThat(WebhookParser.githubSignatureValid(SECRET, body, null)).isFalse();
    assertThat(WebhookParser.githubSignatureValid(SECRET, body, "sha1=abcd")).isFalse();
    assertThat(WebhookParser.githubSignatureValid(SECRET, body, "sha256=zz")).isFalse();
    assertThat(WebhookParser.githubSignatureValid(SECRET, body, "sha256=")).isFalse();
  }

  @Test
  void githubPushIsParsedAfterTheSignatureIsChecked() {
    var outcome =
        WebhookParser.parse(
            headers("X-GitHub-Event", "push", "X-Hub-Signature-256", sign(SECRET, GITHUB_PUSH)),
            bytes(GITHUB_PUSH),
            SECRETS);
    PushEvent e = ((WebhookParser.Push) outcome).event();
    assertThat(e.provider()).isEqualTo("github");
    assertThat(e.repoUrls())
        .contains(
            "https://github.com/org/repo",
            "https://github.com/org/repo.git",
            "git@github.com:org/repo.git");
    assertThat(e.refs()).containsExactly(GitRef.branch("main"));
    assertThat(e.defaultBranch()).contains("main");

    assertThat(signedGitHubPushStatus("wrong", GITHUB_PUSH, SECRETS)).isEqualTo(401);
    assertThat(
            status(
                () ->
                    WebhookParser.parse(
                        headers("X-GitHub-Event", "push"), bytes(GITHUB_PUSH), SECRETS)))
        .isEqualTo(401);
    assertThat(signedGitHubPushStatus(SECRET, GITHUB_PUSH, NO_SECRETS))
        .as("no secret configured")
        .isEqualTo(401);
    assertThat(signedGitHubPushStatus(SECRET, "{not json", SECRETS)).isEqualTo(400);
    assertThat(signedGitHubPushStatus(SECRET, "{}", SECRETS)).as("no repository").isEqualTo(400);
    assertThat(signedGitHubPushStatus(SECRET, "[1]", SECRETS)).isEqualTo(400);
  }

  @Test
  void pingIsAuthenticatedButNeedsNoAction() {
    String ping = "{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 1}";
    var outcome =
        WebhookParser.parse(
            headers("X-GitHub-Event", "ping", "X-Hub-Signature-256", sign(SECRET, ping)),
            bytes(ping),
            SECRETS);
    assertThat(outcome).isEqualTo(new WebhookParser.Ignored("github", "ping"));
    assertThat(
            status(
                () -> WebhookParser.parse(headers("X-GitHub-Event", "ping"), bytes(ping), SECRETS)))
        .isEqualTo(401);
  }

  @Test
  void gitlabTokenAndTagPush() {
    var outcome =
        WebhookParser.parse(
            headers("X-Gitlab-Event", "Tag Push Hook", "X-Gitlab-Token", SECRET),
            bytes(GITLAB_TAG_PUSH),
            SECRETS);
    PushEvent e = ((WebhookParser.Push) outcome).event();
    assertThat(e.refs()).containsExactly(GitRef.tag("v1.0.0"));
    assertThat(e.isRepository("ssh://git@gitlab.example.com/group/app")).isTrue();
    assertThat(e.isRepository("https://gitlab.example.com/group/other")).isFalse();
    assertThat(
            status(
                () ->
                    WebhookParser.parse(
                        headers("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET + "x"),
                        bytes(GITLAB_TAG_PUSH),
                        SECRETS)))
        .isEqualTo(401);
    assertThat(
            status(
                () ->
                    WebhookParser.parse(
                        headers("X-Gitlab-Event", "Push Hook"), bytes(GITLAB_TAG_PUSH), SECRETS)))
        .isEqualTo(401);
    assertThat(
            status(
                () ->
                    WebhookParser.parse(
                        headers("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET),
                        bytes(GITLAB_TAG_PUSH),
                        NO_SECRETS)))
        .isEqualTo(401);
    assertThat(
            WebhookParser.parse(
                headers("X-Gitlab-Event", "Merge Request Hook", "X-Gitlab-Token", SECRET),
                bytes("{}"),
                SECRETS))
        .isEqualTo(new WebhookParser.Ignored("gitlab", "Merge Request Hook"));
  }

  @Test
  void bitbucketUuidAndChanges() {
    var outcome =
        WebhookParser.parse(
            headers("X-Event-Key", "repo:push", "X-Hook-UUID", "{a1b2-c3}"),
            bytes(BITBUCKET_PUSH),
            SECRETS);
    PushEvent e = ((WebhookParser.Push) outcome).event();
    assertThat(e.refs()).containsExactly(GitRef.branch("develop"), GitRef.tag("v2"));
    assertThat(e.defaultBranch()).contains("main");
    assertThat(e.isRepository("git@bitbucket.org:team/app.git")).isTrue();
    assertThat(e.isRepository("https://bitbucket.org/team/app.git")).isTrue();
    assertThat(
            status(
                () ->
                    WebhookParser.parse(
                        headers("X-Event-Key", "repo:push", "X-Hook-UUID", "{other}"),
                        bytes(BITBUCKET_PUSH),
                        SECRETS)))
        .isEqualTo(401);
    assertThat(
            status(
                () ->
                    WebhookParser.parse(
                        headers("X-Event-Key", "repo:push"), bytes(BITBUCKET_PUSH), SECRETS)))
        .isEqualTo(401);
    assertThat(
            status(
                () ->
                    WebhookParser.parse(
                        headers("X-Event-Key", "repo:push", "X-Hook-UUID", "{a1b2-c3}"),
                        bytes(BITBUCKET_PUSH),
                        NO_SECRETS)))
        .isEqualTo(401);
  }

  @Test
  void unknownEventIsABadRequest() {
    assertThatThrownBy(
            () ->
                WebhookParser.parse(headers("X-Gitea-Event", "push"), bytes(GITHUB_PUSH), SECRETS))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("unknown webhook event");
    assertThat(status(() -> WebhookParser.parse(headers(), bytes(GITHUB_PUSH), SECRETS)))
        .isEqualTo(400);
  }

  @Test
  void constantTimeEqualsComparesContent() {
    assertThat(WebhookParser.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(WebhookParser.constantTimeEquals("abc", "abd")).isFalse();
    assertThat(WebhookParser.constantTimeEquals("abc", "abcd")).isFalse();
    assertThat(WebhookParser.constantTimeEquals("abc", null)).isFalse();
  }
}
