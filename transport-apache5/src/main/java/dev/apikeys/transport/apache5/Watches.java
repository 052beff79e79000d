package dev.apikeys.transport.apache5;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Ends the exchanges that run out of time, and the blocking ones whose thread is interrupted,
 * by aborting them, which closes their connection: HttpClient's classic I/O sees neither, and
 * its async client has no deadline for a whole exchange. One sweep every {@link #POLL} checks
 * every exchange in flight, and runs only while there is one, so that an exchange costs two set
 * operations and no wake-up of the sweeping thread (a task scheduled per exchange woke it on
 * every call; BENCHMARKS.md has the cost). An exchange whose timeout is shorter than one sweep
 * gets a check of its own.
 */
final class Watches {

  static final long POLL = TimeUnit.MILLISECONDS.toNanos(50);

  private final ScheduledExecutorService executor;
  private final Set<Watch> active = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean sweeping = new AtomicBoolean();

  Watches(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /**
   * Starts watching an exchange; {@link #end} it when it ends.
   *
   * @param abort ends the exchange, once, from the sweeping thread
   * @param timeout how long the exchange may take
   * @param caller the thread blocked in the exchange, whose interrupt aborts it; null for an
   *     async exchange
   * @return the watch
   */
  Watch start(Runnable abort, Duration timeout, @Nullable Thread caller) {
    long nanos = timeout.toNanos();
    Watch watch = new Watch(abort, caller, nanos);
    if (nanos < POLL) {
      try {
        watch.own = executor.scheduleWithFixedDelay(watch::check, nanos, nanos,
            TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closing) {
        // The transport is closing, which aborts the exchange.
      }
      return watch;
    }
    active.add(watch);
    if (sweeping.compareAndSet(false, true)) {
      scheduleSweep();
    }
    return watch;
  }

  /** Stops watching the exchange. */
  void end(Watch watch) {
    active.remove(watch);
    ScheduledFuture<?> own = watch.own;
    if (own != null) {
      own.cancel(false);
    }
  }

  private void sweep() {
    try {
      for (Watch watch : active) {
        if (checkQuietly(watch)) {
          active.remove(watch);
        }
      }
    } finally {
      sweeping.set(false);
      if (!active.isEmpty() && sweeping.compareAndSet(false, true)) {
        scheduleSweep();
      }
    }
  }

  /**
   * Checks one exchange; an abort that throws ends only its own watch, never the sweep, which
   * every other exchange in flight relies on. The failure is logged, not lost.
   */
  private static boolean checkQuietly(Watch watch) {
    try {
      return watch.check();
    } catch (RuntimeException abortFailed) {
      System.getLogger(Watches.class.getName()).log(System.Logger.Level.WARNING,
          "could not end an HTTP exchange that ran out of time or was interrupted", abortFailed);
      return true;
    }
  }

  private void scheduleSweep() {
    try {
      executor.schedule(this::sweep, POLL, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      sweeping.set(false);   // the transport is closing, which aborts every exchange
    }
  }

  /** One exchange: its deadline, its thread if it blocks one, and why it was ended, if it was. */
  static final class Watch {
    static final int RUNNING = 0;
    static final int EXPIRED = 1;
    static final int INTERRUPTED = 2;

    final AtomicInteger ended = new AtomicInteger(RUNNING);
    private final Runnable abort;
    private final @Nullable Thread caller;
    private final long deadline;
    private volatile @Nullable ScheduledFuture<?> own;

    private Watch(Runnable abort, @Nullable Thread caller, long timeoutNanos) {
      this.abort = abort;
      this.caller = caller;
      this.deadline = System.nanoTime() + timeoutNanos;
    }

    /** Ends the exchange if it is out of time or interrupted; true once it was ended. */
    boolean check() {
      if (ended.get() != RUNNING) {
        return true;
      }
      Thread blocked = caller;
      int reason = blocked != null && blocked.isInterrupted() ? INTERRUPTED
          : System.nanoTime() - deadline >= 0 ? EXPIRED : RUNNING;
      if (reason != RUNNING && ended.compareAndSet(RUNNING, reason)) {
        abort.run();
      }
      return reason != RUNNING;
    }
  }
}
