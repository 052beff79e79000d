package dev.apikeys.sdk.internal.timer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's one timer: body deadlines and waits between retries. One daemon thread for the whole
 * JVM, started when something is scheduled and ended when nothing has been pending for a while,
 * or at once when the last client is closed, so that no SDK thread outlives the calls.
 *
 * <p>Scheduling costs one add to a concurrent set, cancelling one remove: no task object in a
 * locked queue, no wake-up of the thread unless the new deadline comes before the one it
 * sleeps towards. The thread sleeps until the earliest deadline, so a call that ends in time
 * never wakes it.
 */
public final class SdkTimer {

  private static final SdkTimer SHARED = new SdkTimer(TimeUnit.SECONDS.toNanos(2), Ticker.SYSTEM);
  private static final long SCANNING = Long.MAX_VALUE;

  private final Set<Timeout> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger openClients = new AtomicInteger();
  private final long lingerNanos;
  private final Ticker ticker;
  private volatile @Nullable Thread thread;
  private volatile long sleepingUntil = SCANNING;

  SdkTimer(long lingerNanos, Ticker ticker) {
    this.lingerNanos = lingerNanos;
    this.ticker = ticker;
  }

  /**
   * Returns the timer every client shares.
   *
   * @return the timer every client shares
   */
  public static SdkTimer shared() {
    return SHARED;
  }

  /**
   * Runs {@code action} on the timer's thread at {@code deadlineNanos} ({@link System#nanoTime()}
   * time) unless the returned timeout is cancelled first. The action must not block.
   *
   * @param deadlineNanos when to run it
   * @param action what to run
   * @return the timeout, to cancel
   */
  public Timeout schedule(long deadlineNanos, Runnable action) {
    Timeout timeout = new Timeout(this, deadlineNanos, action);
    pending.add(timeout);
    if (running.compareAndSet(false, true)) {
      start();
    } else if (deadlineNanos - sleepingUntil < 0 || sleepingUntil == SCANNING) {
      LockSupport.unpark(thread);
    }
    return timeout;
  }

  /** Counts a client as open; the timer lingers after its last task only while one is. */
  public void clientOpened() {
    openClients.incrementAndGet();
  }

  /** Counts a client as closed; after the last one, an idle timer thread ends at once. */
  public void clientClosed() {
    if (openClients.decrementAndGet() <= 0) {
      Thread current = thread;
      if (current != null) {
        LockSupport.unpark(current);
      }
    }
  }

  /**
   * Returns whether the timer's thread is alive, for tests.
   *
   * @return whether the timer's thread is alive
   */
  public boolean isRunning() {
    Thread current = thread;
    return current != null && current.isAlive();
  }

  private void start() {
    Thread started = new Thread(this::run, "apikeys-timer");
    started.setDaemon(true);
    thread = started;
    started.start();
  }

  private void run() {
    long idleSince = ticker.nanoTime();
    while (true) {
      sleepingUntil = SCANNING;
      long now = ticker.nanoTime();
      long earliest = fireDue(now);
      long wakeAt;
      if (pending.isEmpty()) {
        if (openClients.get() <= 0 || now - idleSince >= lingerNanos) {
          if (stop()) {
            return;
          }
          continue;
        }
        wakeAt = idleSince + lingerNanos;
      } else {
        idleSince = now;
        wakeAt = earliest;
      }
      sleepingUntil = wakeAt;
      ticker.park(this, wakeAt - now);
      if (!pending.isEmpty()) {
        idleSince = ticker.nanoTime();
      }
    }
  }

  /** Runs what is due; returns the earliest deadline still pending. */
  private long fireDue(long now) {
    long earliest = now + lingerNanos;
    for (Timeout timeout : pending) {
      if (timeout.deadlineNanos - now <= 0) {
        if (pending.remove(timeout)) {
          timeout.fire();
        }
      } else if (timeout.deadlineNanos - earliest < 0) {
        earliest = timeout.deadlineNanos;
      }
    }
    return earliest;
  }

  /** Ends the thread unless something was scheduled meanwhile; returns whether it ended. */
  private boolean stop() {
    thread = null;
    running.set(false);
    if (pending.isEmpty() || !running.compareAndSet(false, true)) {
      return true;
    }
    thread = Thread.currentThread();
    return false;
  }

  /** Counts the clients open now, for tests. */
  int openClients() {
    return openClients.get();
  }

  /** Where the timer reads the time and waits for it; tests give one whose time they set. */
  interface Ticker {
    /** The system's: {@link System#nanoTime()} and {@link LockSupport#parkNanos}. */
    Ticker SYSTEM = new Ticker() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void park(Object blocker, long nanos) {
        LockSupport.parkNanos(blocker, nanos);
      }
    };

    /** Returns the time now, as {@link System#nanoTime()} does. */
    long nanoTime();

    /**
     * Waits up to {@code nanos} of this ticker's time; returns early on
     * {@link LockSupport#unpark} of the waiting thread, or spuriously.
     */
    void park(Object blocker, long nanos);
  }

  /** A scheduled action; cancel it when it is no longer needed. */
  public static final class Timeout {
    private final SdkTimer timer;
    private final long deadlineNanos;
    private final Runnable action;

    private Timeout(SdkTimer timer, long deadlineNanos, Runnable action) {
      this.timer = timer;
      this.deadlineNanos = deadlineNanos;
      this.action = action;
    }

    /** Cancels the action if it has not run yet. */
    public void cancel() {
      timer.pending.remove(this);
    }

    private void fire() {
      try {
        action.run();
      } catch (RuntimeException e) {
        // An action only completes futures; a failing dependant must not stop the timer.
        System.getLogger("dev.apikeys.sdk").log(System.Logger.Level.WARNING,
            "a timed action failed: " + e.getClass().getName());
      }
    }
  }
}
