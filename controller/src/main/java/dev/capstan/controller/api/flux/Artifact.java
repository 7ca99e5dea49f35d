package dev.capstan.controller.api.flux;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The output of a source reconciliation ({@code status.artifact}): a revision of the repository,
 * stored where a consumer can read it.
 *
 * @param path path of the artifact relative to the storage root
 * @param url address the artifact can be fetched from
 * @param revision source revision, e.g. {@code main@sha1:<commit>}
 * @param digest digest of the artifact, e.g. {@code sha256:<hex>}
 * @param lastUpdateTime RFC 3339 time the artifact was produced
 * @param size size in bytes, or {@code null} when unknown
 * @param metadata extra metadata
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Artifact(
    @JsonInclude(JsonInclude.Include.ALWAYS) String path,
    @JsonInclude(JsonInclude.Include.ALWAYS) String url,
    @JsonInclude(JsonInclude.Include.ALWAYS) String revision,
    String digest,
    @JsonInclude(JsonInclude.Include.ALWAYS) String lastUpdateTime,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long size,
    Map<String, String> metadata) {
  public Artifact {
    path = requireNonNullElse(path, "");
    url = requireNonNullElse(url, "");
    revision = requireNonNullElse(revision, "");
    digest = requireNonNullElse(digest, "");
    lastUpdateTime = requireNonNullElse(lastUpdateTime, "");
    metadata =
        Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNullElse(metadata, Map.of())));
  }
}
