package dev.capstan.cli.install;

/** Who owns an installed object after the first install, and so how a later install treats it. */
public enum Ownership {
  /**
   * Capstan owns it: every install server-side applies it with field manager {@code capstan},
   * taking back fields someone else changed.
   */
  CAPSTAN,

  /**
   * The user owns it once it exists (configuration, the default AppProject): an install creates it
   * when missing and otherwise leaves it exactly as it is.
   */
  USER
}
