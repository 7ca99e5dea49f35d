package dev.capstan.engine.source.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.source.GitCredentials;
import dev.capstan.engine.source.GitSourceException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

class FailureTranslatorTest {

  private static final String URL = "https://git.example/org/app.git";
  private final SecretScrubber scrubber = SecretScrubber.of(GitCredentials.none(), URL);

  private GitSourceException translate(Throwable e) {
    return FailureTranslator.translate("fetch", URL, e, scrubber);
  }

  private static TransportException transport(String message, Throwable cause) {
    return new TransportException(message, cause);
  }

  @Test
  void classifiesByTypeAndMessage() throws Exception {
    assertThat(translate(transport(URL + ": not authorized", null)).reason()).isEqualTo("auth");
    assertThat(
            translate(transport("x", new NoRemoteRepositoryException(new URIish(URL), "not found")))
                .reason())
        .isEqualTo("repository-not-found");
    assertThat(translate(transport("x", new ConnectException("Connection refused"))).reason())
        .isEqualTo("unreachable");
    assertThat(translate(transport("x", new UnknownHostException("git.example"))).reason())
        .isEqualTo("unreachable");
    assertThat(translate(transport("x", new SocketTimeoutException("Read timed out"))).reason())
        .isEqualTo("timeout");
    assertThat(translate(transport("Server key did not validate", null)).reason())
        .isEqualTo("host-key");
    assertThat(translate(transport("want 0123 not valid", null)).reason())
        .isEqualTo("revision-not-found");
    assertThat(translate(transport("500 oops", null)).reason()).isEqualTo("server-error");
  }

  @Test
  void transientOnlyForConnectivityAndServerErrors() {
    assertThat(translate(transport("x", new ConnectException("refused"))).isTransient()).isTrue();
    assertThat(translate(transport("500 oops", null)).isTransient()).isTrue();
    assertThat(translate(transport("not authorized", null)).isTransient()).isFalse();
  }

  @Test
  void messageNamesStepUrlReasonAndTheCauseWithoutRepeatingTheUrl() {
    GitSourceException e = translate(transport(URL + ": not authorized", null));
    assertThat(e.getMessage()).isEqualTo("git fetch " + URL + " failed (auth): not authorized");
    assertThat(e.getCause()).isNotNull();
  }
}
