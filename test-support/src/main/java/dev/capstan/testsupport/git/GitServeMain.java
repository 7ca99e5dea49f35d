package dev.capstan.testsupport.git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Serves one folder as a git repository over smart HTTP on loopback, for the demo and for manual
 * trials: the folder's files become one commit on {@code main} of {@code NAME.git}.
 *
 * <p>Usage: {@code GitServeMain FOLDER NAME URL_FILE [USERNAME PASSWORD]}. The clone URL is written
 * to {@code URL_FILE} once the server listens; the process serves until it is killed.
 */
public final class GitServeMain {
  private GitServeMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3 && args.length != 5) {
      System.err.println("usage: GitServeMain FOLDER NAME URL_FILE [USERNAME PASSWORD]");
      System.exit(2);
    }
    Path folder = Path.of(args[0]).toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      System.err.println("not a folder: " + folder);
      System.exit(2);
    }
    GitFixture fixture = GitFixture.create();
    Runtime.getRuntime().addShutdownHook(new Thread(fixture::close, "git-serve-shutdown"));
    FixtureRepository repository = fixture.createRepository(args[1]);
    repository.commit().addFolder(folder).message("Import " + folder.getFileName()).create();
    HttpAuth auth = args.length == 5 ? HttpAuth.basic(args[3], args[4]) : HttpAuth.none();
    GitHttpServer server = fixture.startHttp(auth);
    Path urlFile = Path.of(args[2]);
    Path tmp = urlFile.resolveSibling(urlFile.getFileName() + ".tmp");
    Files.writeString(tmp, server.url(repository) + "\n");
    Files.move(tmp, urlFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    new CountDownLatch(1).await();
  }
}
