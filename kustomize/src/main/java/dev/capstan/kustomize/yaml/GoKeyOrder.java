package dev.capstan.kustomize.yaml;

import java.util.Comparator;

/**
 * The mapping key order of go-yaml v2's encoder, which kubectl's output goes through: letters
 * compare by code point, a non-letter sorts before a letter, and runs of digits compare as numbers
 * ({@code a2 < a10}).
 */
final class GoKeyOrder implements Comparator<String> {
  static final GoKeyOrder INSTANCE = new GoKeyOrder();

  private GoKeyOrder() {}

  @Override
  public int compare(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    return less(a, b) ? -1 : 1;
  }

  private static boolean less(String as, String bs) {
    // the code points are read from the strings directly unless a surrogate pair needs decoding
    int[] ar = codePoints(as);
    int[] br = codePoints(bs);
    int alen = ar == null ? as.length() : ar.length;
    int blen = br == null ? bs.length() : br.length;
    for (int i = 0; i < alen && i < blen; i++) {
      if (at(as, ar, i) == at(bs, br, i)) {
        continue;
      }
      boolean al = Character.isLetter(at(as, ar, i));
      boolean bl = Character.isLetter(at(bs, br, i));
      if (al && bl) {
        return at(as, ar, i) < at(bs, br, i);
      }
      if (al || bl) {
        return bl;
      }
      long an = 0;
      long bn = 0;
      if (at(as, ar, i) == '0' || at(bs, br, i) == '0') {
        for (int j = i - 1; j >= 0 && isDigit(at(as, ar, j)); j--) {
          if (at(as, ar, j) != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < alen && isDigit(at(as, ar, ai)); ai++) {
        an = an * 10 + (at(as, ar, ai) - '0');
      }
      int bi = i;
      for (; bi < blen && isDigit(at(bs, br, bi)); bi++) {
        bn = bn * 10 + (at(bs, br, bi) - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return at(as, ar, i) < at(bs, br, i);
    }
    return alen < blen;
  }

  /** The code points of {@code s}, or null when every char is one (no surrogates). */
  private static int[] codePoints(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return s.codePoints().toArray();
      }
    }
    return null;
  }

  private static int at(String s, int[] cp, int i) {
    return cp == null ? s.charAt(i) : cp[i];
  }

  private static boolean isDigit(int c) {
    return Character.isDigit(c);
  }
}
