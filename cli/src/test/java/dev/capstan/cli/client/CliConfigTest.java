package dev.capstan.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigTest {

  @Test
  void loginsAreKeptPerServerWithMode0600(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a/b/config");
    assertThat(CliConfig.read(file).current()).isEmpty();

    CliConfig.read(file)
        .with(new CliConfig.ServerEntry("one:8080", "admin", "tok-1", false, true))
        .write(file);
    CliConfig.read(file)
        .with(new CliConfig.ServerEntry("two:443", "ci", "tok-2", true, false))
        .write(file);

    CliConfig read = CliConfig.read(file);
    assertThat(read.currentServer()).isEqualTo("two:443");
    assertThat(read.current().orElseThrow().token()).isEqualTo("tok-2");
    assertThat(read.server("one:8080").orElseThrow().plaintext()).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(read.current().orElseThrow().toString()).doesNotContain("tok-2");

    read.without("two:443").write(file);
    CliConfig after = CliConfig.read(file);
    assertThat(after.currentServer()).isEmpty();
    assertThat(after.servers())
        .extracting(CliConfig.ServerEntry::server)
        .containsExactly("one:8080");
    assertThat(Files.readString(file)).doesNotContain("tok-2");
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing.toList()).containsExactly(file);
    }
  }

  @Test
  void aBrokenFileIsOneLineAndAnEmptyOneIsNoLogin(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken");
    Files.writeString(broken, "{not json");
    assertThatThrownBy(() -> CliConfig.read(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("reading the config file " + broken + " failed:")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    Path empty = Files.createFile(dir.resolve("empty"));
    assertThat(CliConfig.read(empty).servers()).isEmpty();
    assertThat(CliConfig.path(Optional.of(empty))).isEqualTo(empty);
  }

  @Test
  void serverAddressesBecomeUrls() {
    assertThat(ServerClient.baseUri("capstan.example.com", false))
        .hasToString("https://capstan.example.com");
    assertThat(ServerClient.baseUri("127.0.0.1:8080", true)).hasToString("http://127.0.0.1:8080");
    assertThat(ServerClient.baseUri("http://host:1/", false)).hasToString("http://host:1");
    for (String bad : List.of("", " ", "http://", "a b")) {
      assertThatThrownBy(() -> ServerClient.baseUri(bad, false))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
