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
    int[] ar = as.codePoints().toArray();
    int[] br = bs.codePoints().toArray();
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return ar[i] < br[i];
      }
      if (al || bl) {
        return bl;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < ar.length && isDigit(ar[ai]); ai++) {
        an = an * 10 + (ar[ai] - '0');
      }
      int bi = i;
      for (; bi < br.length && isDigit(br[bi]); bi++) {
        bn = bn * 10 + (br[bi] - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ar[i] < br[i];
    }
    return ar.length < br.length;
  }

  private static boolean isDigit(int c) {
    return Character.isDigit(c);
  }
}
