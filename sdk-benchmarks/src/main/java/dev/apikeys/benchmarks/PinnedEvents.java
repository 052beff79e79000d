package dev.apikeys.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of {@code jdk.VirtualThreadPinned} with threshold 0 (every pin, however
 * short) and stack traces; on stop, the events counted, in all and with a frame of the SDK or
 * its transports in their stack ({@code dev.apikeys.sdk.*}, {@code dev.apikeys.transport.*},
 * and Apache HttpClient's {@code org.apache.hc.*}). The event exists from JDK 21; before, the
 * recording sees none.
 */
final class PinnedEvents implements AutoCloseable {

  /** The JFR event. */
  static final String EVENT = "jdk.VirtualThreadPinned";

  private static final List<String> SDK_PACKAGES =
      List.of("dev.apikeys.sdk.", "dev.apikeys.transport.", "org.apache.hc.");

  private final Recording recording;

  private PinnedEvents(Recording recording) {
    this.recording = recording;
  }

  /** Starts a recording. */
  static PinnedEvents start() {
    Recording recording = new Recording();
    recording.enable(EVENT).withThreshold(Duration.ZERO).withStackTrace();
    recording.setToDisk(true);
    recording.start();
    return new PinnedEvents(recording);
  }

  /** Stops the recording and counts its events. */
  Count stop() {
    recording.stop();
    try {
      Path file = Files.createTempFile("pinned", ".jfr");
      try {
        recording.dump(file);
        return count(RecordingFile.readAllEvents(file));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JFR recording", e);
    } finally {
      recording.close();
    }
  }

  /** Discards the recording, if {@link #stop()} did not. */
  @Override
  public void close() {
    recording.close();
  }

  private static Count count(List<RecordedEvent> events) {
    List<List<String>> stacks = new ArrayList<>();
    for (RecordedEvent event : events) {
      if (event.getEventType().getName().equals(EVENT)) {
        RecordedStackTrace stack = event.getStackTrace();
        stacks.add(stack == null ? List.of() : stack.getFrames().stream()
            .filter(frame -> frame.getMethod() != null)
            .map(PinnedEvents::describe).collect(Collectors.toList()));
      }
    }
    return new Count(stacks);
  }

  private static String describe(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName()
        + ":" + frame.getLineNumber();
  }

  /**
   * What a recording saw.
   *
   * @param stacks per pinned event, its frames from the top, as "class.method:line"
   */
  record Count(List<List<String>> stacks) {

    /** Returns the number of pinned events, the JDK's own included. */
    int all() {
      return stacks.size();
    }

    /** Returns the number of pinned events with an SDK frame. */
    int fromSdk() {
      return withFrameFrom(SDK_PACKAGES).size();
    }

    /** Returns the stacks of the events with an SDK frame, one string each. */
    List<String> sdkStacks() {
      return withFrameFrom(SDK_PACKAGES);
    }

    /**
     * Returns the number of pinned events with an SDK frame that are not a class being loaded
     * or initialised: a virtual thread still pins its carrier there on every JDK so far,
     * whichever code asked for the class (JEP 491 removed only the pinning of
     * {@code synchronized}).
     */
    int fromSdkNotLoadingClasses() {
      return sdkStacksNotLoadingClasses().size();
    }

    /** Returns the stacks of {@link #fromSdkNotLoadingClasses()}, one string each. */
    List<String> sdkStacksNotLoadingClasses() {
      return sdkStacks().stream()
          .filter(stack -> !stack.contains("java.lang.ClassLoader.loadClass")
              && !stack.contains(".<clinit>"))
          .collect(Collectors.toList());
    }

    /** Returns the stacks, one string each, of the events with a frame of the packages. */
    List<String> withFrameFrom(List<String> packagePrefixes) {
      return stacks.stream()
          .filter(stack -> stack.stream().anyMatch(frame ->
              packagePrefixes.stream().anyMatch(frame::startsWith)))
          .map(stack -> "pinned virtual thread\n  at " + String.join("\n  at ", stack))
          .collect(Collectors.toList());
    }
  }
}
