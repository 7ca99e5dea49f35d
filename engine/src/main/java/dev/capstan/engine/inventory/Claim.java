package dev.capstan.engine.inventory;

/** Who a live object belongs to, as its ownership mark says. */
public sealed interface Claim {

  /** The object carries this owner's mark. */
  record Ours() implements Claim {}

  /**
   * The object carries another owner's mark.
   *
   * @param owner the other owner for messages, e.g. {@code application blog}
   */
  record Other(String owner) implements Claim {}

  /** The object carries no ownership mark of this kind (or one that names another object). */
  record Unclaimed() implements Claim {}

  /** The object is ours. */
  static Claim ours() {
    return new Ours();
  }

  /** The object belongs to {@code owner}. */
  static Claim other(String owner) {
    return new Other(owner);
  }

  /** Nobody's. */
  static Claim unclaimed() {
    return new Unclaimed();
  }
}
