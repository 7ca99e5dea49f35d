package dev.capstan.testsupport.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/** One {@code git-upload-pack 'repo'} or {@code git-receive-pack 'repo'} SSH exec request. */
final class GitPackCommand implements Command {

  private final String service;
  private final String repoPath;
  private final Function<String, Optional<Repository>> repositories;
  private final Consumer<GitRequest> log;
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private Thread worker;

  private GitPackCommand(
      String service,
      String repoPath,
      Function<String, Optional<Repository>> repositories,
      Consumer<GitRequest> log) {
    this.service = service;
    this.repoPath = repoPath;
    this.repositories = repositories;
    this.log = log;
  }

  static GitPackCommand parse(
      String command,
      Function<String, Optional<Repository>> repositories,
      Consumer<GitRequest> log) {
    List<String> words = CommandFactory.split(command);
    String service = words.isEmpty() ? "" : words.get(0);
    String repo = words.size() < 2 ? "" : words.get(1).replace("'", "");
    return new GitPackCommand(service, repo, repositories, log);
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    String protocol = env.getEnv().getOrDefault("GIT_PROTOCOL", "");
    worker = new Thread(() -> run(protocol), "git-ssh-fixture");
    worker.setDaemon(true);
    worker.start();
  }

  private void run(String protocol) {
    String repo = repoPath.replaceAll("^/+", "");
    int status;
    try {
      Optional<Repository> repository = repositories.apply(repo);
      if (repository.isEmpty()
          || !(service.equals("git-upload-pack") || service.equals("git-receive-pack"))) {
        err.write(
            ("fatal: '" + repo + "' does not appear to be a git repository\n")
                .getBytes(StandardCharsets.UTF_8));
        err.flush();
        status = 128;
      } else if (service.equals("git-upload-pack")) {
        UploadPack up = new UploadPack(repository.get());
        up.setRequestPolicy(UploadPack.RequestPolicy.REACHABLE_COMMIT);
        if (!protocol.isBlank()) {
          up.setExtraParameters(List.of(protocol.split(":")));
        }
        up.upload(in, out, err);
        status = 0;
      } else {
        new ReceivePack(repository.get()).receive(in, out, err);
        status = 0;
      }
    } catch (IOException | RuntimeException e) {
      status = 1;
    }
    try {
      out.flush();
    } catch (IOException ignored) {
      // the channel is gone; the exit status below is all that is left to send
    }
    log.accept(
        new GitRequest("ssh", repo, service, protocol.contains("version=2") ? "v2" : "v0", status));
    exit.onExit(status);
  }

  @Override
  public void destroy(ChannelSession channel) {
    if (worker != null) {
      worker.interrupt();
    }
  }
}
