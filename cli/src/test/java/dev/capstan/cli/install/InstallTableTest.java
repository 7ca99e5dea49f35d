package dev.capstan.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstallTableTest {
  private static final List<InstallResult.Entry> FIRST_RUN =
      List.of(
          new InstallResult.Entry(
              "CustomResourceDefinition/applications.argoproj.io", Action.CREATED, ""),
          new InstallResult.Entry("Namespace/capstan", Action.CONFIGURED, ""),
          new InstallResult.Entry(
              "ConfigMap/capstan/capstan-cm",
              Action.UNCHANGED,
              "exists; yours to edit, left as it is"));

  @Test
  void listsEveryObjectWithWhatWasDoneAndSumsUp() {
    assertThat(render(new InstallResult("capstan", false, FIRST_RUN)))
        .isEqualTo(
            """
            RESOURCE                                           ACTION
            CustomResourceDefinition/applications.argoproj.io  created
            Namespace/capstan                                  configured
            ConfigMap/capstan/capstan-cm                       unchanged (exists; yours to edit, left as it is)

            Capstan installed in namespace capstan: 1 created, 1 configured, 1 unchanged.
            """);
  }

  @Test
  void aDryRunSaysWhatWouldHappen() {
    assertThat(render(new InstallResult("capstan", true, FIRST_RUN)))
        .contains("CustomResourceDefinition/applications.argoproj.io  would create\n")
        .contains("Namespace/capstan                                  would configure\n")
        .endsWith(
            "Dry run, nothing was changed: installing in namespace capstan would create 1,"
                + " configure 1 and leave 1 unchanged.\n");
  }

  @Test
  void aRepeatedInstallSaysNothingChanged() {
    InstallResult again =
        new InstallResult(
            "capstan",
            false,
            List.of(
                new InstallResult.Entry("Namespace/capstan", Action.UNCHANGED, ""),
                new InstallResult.Entry("ClusterRole/capstan-controller", Action.UNCHANGED, "")));

    assertThat(again.changedAnything()).isFalse();
    assertThat(render(again))
        .endsWith("Nothing to change: Capstan is already installed in namespace capstan.\n");
  }

  private static String render(InstallResult result) {
    StringWriter text = new StringWriter();
    InstallTable.render(result, new PrintWriter(text));
    return text.toString();
  }
}
