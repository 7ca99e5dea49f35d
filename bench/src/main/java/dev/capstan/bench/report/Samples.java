package dev.capstan.bench.report;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of measured durations in milliseconds, with nearest-rank percentiles.
 *
 * @param values the measurements, sorted ascending
 */
public record Samples(double[] values) {

  public Samples {
    values = values.clone();
    Arrays.sort(values);
  }

  public static Samples of(List<Double> values) {
    return new Samples(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  public int count() {
    return values.length;
  }

  /**
   * The nearest-rank percentile: the smallest value with at least {@code p} percent of the samples
   * at or below it. {@code percentile(50)} of {1, 2, 3, 4} is 2; of no samples it is NaN.
   */
  public double percentile(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (values.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * values.length);
    return values[Math.max(0, rank - 1)];
  }

  public double p50() {
    return percentile(50);
  }

  public double p95() {
    return percentile(95);
  }

  public double max() {
    return values.length == 0 ? Double.NaN : values[values.length - 1];
  }

  public double sum() {
    return Arrays.stream(values).sum();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Samples s && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Samples" + Arrays.toString(values);
  }
}
