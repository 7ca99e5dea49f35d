package dev.capstan.controller.api.argo;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The observed state of an {@code AppProject}: the tokens issued per role.
 *
 * @param jwtTokensByRole tokens per role name
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppProjectStatus(Map<String, JwtTokens> jwtTokensByRole) {

  public AppProjectStatus {
    jwtTokensByRole =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(requireNonNullElse(jwtTokensByRole, Map.of())));
  }

  /**
   * The tokens of one role.
   *
   * @param items the tokens
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record JwtTokens(List<AppProjectSpec.JwtToken> items) {
    public JwtTokens {
      items = List.copyOf(requireNonNullElse(items, List.of()));
    }
  }
}
