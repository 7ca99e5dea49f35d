package dev.capstan.testsupport.git;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What the smart-HTTP server demands in the {@code Authorization} header. A request without the
 * expected header gets {@code 401} with a {@code WWW-Authenticate} challenge, as GitHub or Gitea
 * do.
 */
public sealed interface HttpAuth {

  /** No authentication: every request is served. */
  static HttpAuth none() {
    return new None();
  }

  /** HTTP basic authentication with one account. */
  static HttpAuth basic(String username, String password) {
    return new Basic(username, password);
  }

  /** A bearer token ({@code Authorization: Bearer TOKEN}). */
  static HttpAuth bearer(String token) {
    return new Bearer(token);
  }

  /** Whether the request's {@code Authorization} header value is acceptable. */
  boolean accepts(Optional<String> authorization);

  /** The {@code WWW-Authenticate} challenge sent with a 401. */
  String challenge();

  /** No authentication. */
  record None() implements HttpAuth {
    @Override
    public boolean accepts(Optional<String> authorization) {
      return true;
    }

    @Override
    public String challenge() {
      return "";
    }
  }

  /** Basic authentication; {@link #toString()} hides the password. */
  record Basic(String username, String password) implements HttpAuth {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public boolean accepts(Optional<String> authorization) {
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
      return authorization.map(a -> constantTimeEquals(a.trim(), expected)).orElse(false);
    }

    @Override
    public String challenge() {
      return "Basic realm=\"capstan-test\"";
    }

    @Override
    public String toString() {
      return "Basic[username=" + username + ", password=***]";
    }
  }

  /** Bearer-token authentication; {@link #toString()} hides the token. */
  record Bearer(String token) implements HttpAuth {
    public Bearer {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public boolean accepts(Optional<String> authorization) {
      return authorization.map(a -> constantTimeEquals(a.trim(), "Bearer " + token)).orElse(false);
    }

    @Override
    public String challenge() {
      return "Bearer realm=\"capstan-test\"";
    }

    @Override
    public String toString() {
      return "Bearer[token=***]";
    }
  }

  private static boolean constantTimeEquals(String actual, String expected) {
    return MessageDigest.isEqual(
        actual.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
