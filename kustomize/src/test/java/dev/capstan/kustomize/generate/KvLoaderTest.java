package dev.capstan.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.KustomizeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KvLoaderTest {

  private static KvFileReader files(Map<String, String> content) {
    return path -> {
      String text = content.get(path);
      if (text == null) {
        throw new KustomizeException("file '" + path + "' does not exist");
      }
      return text.getBytes(StandardCharsets.UTF_8);
    };
  }

  @Test
  void envFileRulesMatchKubectl() {
    // probed with kubectl kustomize: comments and blank lines skipped, leading blanks trimmed,
    // a key without '=' is empty (not read from the process environment), \r dropped, quotes kept
    List<KvPair> pairs =
        EnvFile.parse(
            "# c\n\n  FOO=bar\nHOME\nX= y \r\nZ=\"q\"\n=skipped\n"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(pairs)
        .containsExactly(
            KvPair.text("FOO", "bar"),
            KvPair.text("HOME", ""),
            KvPair.text("X", " y "),
            KvPair.text("Z", "\"q\""));
  }

  @Test
  void byteOrderMarkIsDroppedOnTheFirstLineOnly() {
    List<KvPair> pairs = EnvFile.parse("\uFEFFA=1\n".getBytes(StandardCharsets.UTF_8));
    assertThat(pairs).containsExactly(KvPair.text("A", "1"));
  }

  @Test
  void invalidUtf8InAnEnvFileFails() {
    assertThatThrownBy(() -> EnvFile.parse(new byte[] {'A', '=', (byte) 0xff, '\n'}))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("invalid utf8");
  }

  @Test
  void literalsStripOneMatchingPairOfQuotes() {
    KvLoader loader = new KvLoader(files(Map.of()));
    List<KvPair> pairs =
        loader.load(
            new KvSources(
                List.of("q='x y'", "w=\"z\"", "e=", "r='", "t=this is a 'test'", "u=a=b"),
                List.of(),
                List.of()));
    assertThat(pairs)
        .containsExactly(
            KvPair.text("q", "x y"),
            KvPair.text("w", "z"),
            KvPair.text("e", ""),
            KvPair.text("r", "'"),
            KvPair.text("t", "this is a 'test'"),
            KvPair.text("u", "a=b"));
  }

  @Test
  void malformedLiteralsFailLikeKubectl() {
    KvLoader loader = new KvLoader(files(Map.of()));
    assertThatThrownBy(() -> loader.load(new KvSources(List.of("=x"), List.of(), List.of())))
        .hasMessage(
            "loading KV pairs: literal sources [=x]: invalid literal source =x, expected key=value");
    assertThatThrownBy(() -> loader.load(new KvSources(List.of("x"), List.of(), List.of())))
        .hasMessageContaining("invalid literal source x");
  }

  @Test
  void filesUseTheBaseNameOrTheGivenKey() {
    KvLoader loader = new KvLoader(files(Map.of("dir/a.txt", "A", "b.txt", "B")));
    List<KvPair> pairs =
        loader.load(new KvSources(List.of(), List.of("dir/a.txt", "key=b.txt"), List.of()));
    assertThat(pairs).containsExactly(KvPair.text("a.txt", "A"), KvPair.text("key", "B"));
  }

  @Test
  void malformedFileSourcesFailLikeKubectl() {
    KvLoader loader = new KvLoader(files(Map.of()));
    assertThatThrownBy(() -> loader.load(new KvSources(List.of(), List.of("a=b=c"), List.of())))
        .hasMessage(
            "loading KV pairs: file sources: [a=b=c]: source \"a=b=c\" key name or file path"
                + " contains '='");
    assertThatThrownBy(() -> loader.load(new KvSources(List.of(), List.of("=c"), List.of())))
        .hasMessageContaining("missing key name for file path \"c\" in source \"=c\"");
    assertThatThrownBy(() -> loader.load(new KvSources(List.of(), List.of("c="), List.of())))
        .hasMessageContaining("missing file path for key name \"c\" in source \"c=\"");
    assertThatThrownBy(() -> loader.load(new KvSources(List.of(), List.of("nofile"), List.of())))
        .hasMessageContaining("file sources: [nofile]");
  }

  @Test
  void envsComeFirstThenLiteralsThenFiles() {
    KvLoader loader = new KvLoader(files(Map.of("e.env", "E=1\n", "f", "F")));
    List<KvPair> pairs = loader.load(new KvSources(List.of("L=2"), List.of("f"), List.of("e.env")));
    assertThat(pairs).extracting(KvPair::key).containsExactly("E", "L", "f");
  }
}
