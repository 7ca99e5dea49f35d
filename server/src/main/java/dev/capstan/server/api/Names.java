package dev.capstan.server.api;

import java.util.regex.Pattern;

/**
 * Validation of names taken from paths and queries: Kubernetes object names (DNS-1123 subdomains,
 * at most 253 characters) and namespaces (DNS-1123 labels). Anything else — {@code ..}, slashes,
 * encoded separators, selectors smuggled into a name — is a 400 before any cluster call.
 */
public final class Names {
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern ACCOUNT = Pattern.compile("[a-zA-Z0-9]([-_a-zA-Z0-9]*[a-zA-Z0-9])?");

  private Names() {}

  /** {@code value} if it is a valid object name. */
  public static String objectName(String what, String value) {
    if (value == null
        || value.length() > 253
        || !SUBDOMAIN.matcher(value).matches()
        || value.contains("..")) {
      throw ApiException.invalid(
          what
              + " '"
              + printable(value)
              + "' is not a valid name (lowercase letters, digits, '-' and '.')");
    }
    return value;
  }

  /** {@code value} if it is a valid namespace name. */
  public static String namespace(String value) {
    if (value == null || value.length() > 63 || !LABEL.matcher(value).matches()) {
      throw ApiException.invalid(
          "namespace '" + printable(value) + "' is not a valid namespace name");
    }
    return value;
  }

  /** {@code value} if it is a valid local account name. */
  public static String account(String value) {
    if (value == null || value.length() > 64 || !ACCOUNT.matcher(value).matches()) {
      throw ApiException.invalid("account name '" + printable(value) + "' is not valid");
    }
    return value;
  }

  /** A shortened, control-character-free copy for error messages. */
  static String printable(String value) {
    if (value == null) {
      return "";
    }
    String s = value.replaceAll("\\p{Cntrl}", "?");
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
