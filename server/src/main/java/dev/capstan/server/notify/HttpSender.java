package dev.capstan.server.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Posts notifications with the JDK HTTP client (10 s timeouts, no redirects). Thread-safe. */
public final class HttpSender implements Sender {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Override
  public String send(NotificationConfig.Service service, Map<String, Object> body) {
    try {
      HttpRequest.Builder req =
          HttpRequest.newBuilder(service.url())
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      service.headers().forEach(req::header);
      HttpResponse<Void> res = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
      return res.statusCode() / 100 == 2 ? "sent" : "HTTP " + res.statusCode();
    } catch (IOException e) {
      return "failed: " + e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (IllegalArgumentException e) {
      return "failed: bad header";
    }
  }
}
