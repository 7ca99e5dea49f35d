package dev.capstan.engine.cluster;

import dev.capstan.kustomize.resource.Gvk;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Discovery lookups released at the same moment, one thread each, for the single-flight tests. */
final class SimultaneousLookups {

  private SimultaneousLookups() {}

  /**
   * Looks up each of {@code gvks} in {@code types} at once and waits (up to 30 s each) until every
   * lookup has ended; the futures, in order, hold the answers or the failures.
   */
  static List<Future<Optional<ApiResource>>> find(DiscoveryResourceTypes types, List<Gvk> gvks)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(gvks.size());
    try {
      List<Future<Optional<ApiResource>>> lookups =
          gvks.stream()
              .map(
                  gvk ->
                      pool.submit(
                          () -> {
                            go.await();
                            return types.find(gvk);
                          }))
              .toList();
      go.countDown();
      for (Future<Optional<ApiResource>> f : lookups) {
        try {
          f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          // a failed lookup: the caller judges it
        }
      }
      return lookups;
    } finally {
      pool.shutdownNow();
    }
  }
}
