package dev.capstan.cli;

import dev.capstan.engine.source.HostGitConfig;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code capstan} command. Each subcommand is one class implementing {@code Callable<Integer>};
 * they are registered in {@link #newCommandLine(PrintWriter, PrintWriter)} so tests can run the
 * whole CLI in-process with their own writers.
 */
@Command(
    name = "capstan",
    mixinStandardHelpOptions = true,
    versionProvider = CapstanCommand.Version.class,
    description = "GitOps continuous delivery for Kubernetes (Argo CD and Flux dialects).",
    subcommands = {CommandLine.HelpCommand.class})
public final class CapstanCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with all subcommands, writing to the given streams. */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new CapstanCommand());
    for (Object sub : Subcommands.all()) {
      cl.addSubcommand(sub);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new UserErrorHandler());
    return cl;
  }

  public static void main(String[] args) {
    HostGitConfig.ignore();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = newCommandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CapstanCommand.class.getPackage().getImplementationVersion();
      return new String[] {"capstan " + (v == null ? "dev" : v)};
    }
  }
}
