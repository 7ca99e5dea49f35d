package dev.capstan.engine.source.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.source.GitCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {

  @Test
  void removesCredentialValuesTheirBasicHeaderFormAndUrlUserInfo() {
    SecretScrubber scrubber =
        SecretScrubber.of(GitCredentials.basic("alice", "s3cr3t-pass"), "https://x:url-pass@h/r");
    String basic =
        Base64.getEncoder().encodeToString("alice:s3cr3t-pass".getBytes(StandardCharsets.UTF_8));
    String text =
        "auth s3cr3t-pass failed; header Basic "
            + basic
            + "; see https://bob:other@host/repo and url-pass";
    assertThat(scrubber.scrub(text))
        .isEqualTo(
            "auth <redacted> failed; header Basic <redacted>; see https://host/repo and"
                + " <redacted>");
  }

  @Test
  void removesEachLineOfAPrivateKey() {
    String key =
        "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAE\n"
            + "bm9uZQAAAAAAAAABAAAAaAAAABNlY2RzYS1z\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";
    SecretScrubber scrubber = SecretScrubber.of(GitCredentials.sshKey(key, ""), "ssh://git@h/r");
    assertThat(scrubber.scrub("bad line bm9uZQAAAAAAAAABAAAAaAAAABNlY2RzYS1z here"))
        .isEqualTo("bad line <redacted> here");
  }

  @Test
  void scrubsWholeCauseChainsButKeepsClassNamesAndStackTraces() {
    SecretScrubber scrubber =
        SecretScrubber.of(GitCredentials.bearerToken("tok-abcdef"), "https://h/r");
    IOException inner = new IOException("server said tok-abcdef is invalid");
    RuntimeException outer = new RuntimeException("http://u:tok-abcdef@h/r: failed", inner);
    Throwable scrubbed = scrubber.scrub(outer);
    assertThat(scrubbed.toString()).isEqualTo("java.lang.RuntimeException: http://h/r: failed");
    assertThat(scrubbed.getCause().toString())
        .isEqualTo("java.io.IOException: server said <redacted> is invalid");
    assertThat(scrubbed.getStackTrace()).isEqualTo(outer.getStackTrace());
  }

  @Test
  void leavesVeryShortSecretsOutsideUrlsAlone() {
    SecretScrubber scrubber = SecretScrubber.of(GitCredentials.basic("a", "pw"), "https://h/r");
    assertThat(scrubber.scrub("password pw at https://a:pw@h/r"))
        .isEqualTo("password pw at https://h/r");
  }
}
