package dev.capstan.server.rbac;

import com.googlecode.aviator.runtime.function.FunctionUtils;
import com.googlecode.aviator.runtime.type.AviatorBoolean;
import com.googlecode.aviator.runtime.type.AviatorObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.casbin.jcasbin.util.function.CustomFunction;

/**
 * Argo CD's glob match for Casbin's matcher: {@code *} matches any run of characters (slashes
 * included, as gobwas/glob without separators does), {@code ?} one character, {@code [...]} a
 * class, {@code {a,b}} alternatives; everything else is literal. Compiled patterns are cached.
 */
final class GlobMatch extends CustomFunction {
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  @Override
  public AviatorObject call(Map<String, Object> env, AviatorObject value, AviatorObject pattern) {
    return AviatorBoolean.valueOf(
        matches(
            FunctionUtils.getStringValue(value, env), FunctionUtils.getStringValue(pattern, env)));
  }

  @Override
  public String getName() {
    return "globMatch";
  }

  /** Whether {@code value} matches the glob {@code glob}. */
  static boolean matches(String value, String glob) {
    if (glob.equals(value) || glob.equals("*")) {
      return true;
    }
    return CACHE.computeIfAbsent(glob, GlobMatch::compile).matcher(value).matches();
  }

  private static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, end).replace("\\", "\\\\");
            re.append('[')
                .append(body.startsWith("!") ? "^" + body.substring(1) : body)
                .append(']');
            i = end;
          }
        }
        case '{' -> {
          braces++;
          re.append("(?:");
        }
        case '}' -> {
          if (braces > 0) {
            braces--;
            re.append(')');
          } else {
            re.append("\\}");
          }
        }
        case ',' -> re.append(braces > 0 ? "|" : ",");
        case '\\' -> {
          if (i + 1 < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    while (braces-- > 0) {
      re.append(')');
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
