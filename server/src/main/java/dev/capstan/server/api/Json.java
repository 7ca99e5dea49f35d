package dev.capstan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;

/** JSON in and out of handlers. Thread-safe. */
public final class Json {
  /** Bodies larger than this are refused (413) before parsing. */
  public static final int MAX_BODY = 1 << 20;

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

  private Json() {}

  /** Sends {@code value} as JSON with {@code status}. */
  public static void send(ServerResponse res, int status, Object value) {
    try {
      byte[] body = MAPPER.writeValueAsBytes(value);
      res.status(Status.create(status));
      res.header(HeaderNames.CONTENT_TYPE, "application/json");
      res.header(HeaderNames.CACHE_CONTROL, "no-store");
      res.send(body);
    } catch (IOException e) {
      throw new IllegalStateException("serializing a response failed", e);
    }
  }

  /** Sends {@code value} with 200. */
  public static void ok(ServerResponse res, Object value) {
    send(res, 200, value);
  }

  /** The request body as a JSON object; an empty body is an empty object. */
  public static ObjectNode body(ServerRequest req) {
    if (!req.content().hasEntity()) {
      return MAPPER.createObjectNode();
    }
    byte[] bytes;
    try (InputStream in = req.content().inputStream()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw ApiException.invalid("reading the request body failed");
    }
    if (bytes.length > MAX_BODY) {
      throw new ApiException(413, 8, "request body is larger than " + MAX_BODY + " bytes");
    }
    if (bytes.length == 0) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (!(node instanceof ObjectNode o)) {
        throw ApiException.invalid("request body must be a JSON object");
      }
      return o;
    } catch (IOException e) {
      throw ApiException.invalid("request body is not valid JSON");
    }
  }

  /** An Argo-shaped error body. */
  static ObjectNode error(ApiException e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("error", e.getMessage());
    o.put("code", e.grpcCode());
    o.put("message", e.getMessage());
    return o;
  }
}
