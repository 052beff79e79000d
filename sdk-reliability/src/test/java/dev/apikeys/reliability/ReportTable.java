package dev.apikeys.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;

/**
 * The rows that one test class adds to the reliability report: what it tried and what it saw.
 * Written as {@code <name>.tsv} under the directory of the system property
 * {@value #OUTPUT_PROPERTY} (Maven sets {@code target/reliability}), where
 * {@link ReliabilityReport} renders it. Thread-safe.
 */
final class ReportTable {

  static final String OUTPUT_PROPERTY = "reliability.output";
  static final String RESULT_COLUMN = "result";
  static final String PASS = "pass";
  static final String FAIL = "FAIL";
  static final String PIVOT_PREFIX = "#pivot\t";

  private final String name;
  private final String title;
  private final List<String> columns;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String pivot;

  private ReportTable(String name, String title, List<String> columns) {
    this.name = name;
    this.title = title;
    this.columns = columns;
  }

  /**
   * Creates a table; a {@value #RESULT_COLUMN} column is added after the given ones.
   *
   * @param name the file name without {@code .tsv}; names sort the report's sections
   * @param title the section's title
   * @param columns what each row holds
   */
  static ReportTable create(String name, String title, String... columns) {
    List<String> all = new ArrayList<>(Arrays.asList(columns));
    all.add(RESULT_COLUMN);
    return new ReportTable(name, title, List.copyOf(all));
  }

  /**
   * Runs the checks of one case and records its row: {@value #PASS}, or {@value #FAIL} and the
   * assertion rethrown.
   *
   * @param cells the observed values, one per column before the result
   * @param checks the assertions on them
   */
  void check(List<?> cells, Executable checks) {
    try {
      checks.execute();
    } catch (Throwable failure) {
      add(cells, FAIL + ": " + failure);
      if (failure instanceof AssertionError assertion) {
        throw assertion;
      }
      throw new AssertionError(failure.toString(), failure);
    }
    add(cells, PASS);
  }

  /**
   * Asks the report to show the rows also as a grid: one line for each distinct value of the
   * {@code rows} columns, one grid column for each value of {@code column}, and in each cell
   * the values of the {@code cells} columns.
   */
  synchronized ReportTable pivot(List<String> rows, String column, List<String> cells) {
    pivot = String.join(",", rows) + "\t" + column + "\t" + String.join(",", cells);
    return this;
  }

  /** Adds a line of explanation printed under the table. */
  synchronized ReportTable note(String text) {
    notes.add(text.replaceAll("\\s+", " ").strip());
    return this;
  }

  /** Writes the file, replacing the one of an earlier run. */
  synchronized void write() {
    StringBuilder text = new StringBuilder("# ").append(title).append('\n');
    notes.forEach(note -> text.append("## ").append(note).append('\n'));
    if (pivot != null) {
      text.append(PIVOT_PREFIX).append(pivot).append('\n');
    }
    text.append(String.join("\t", columns)).append('\n');
    rows.forEach(row -> text.append(String.join("\t", row)).append('\n'));
    Path directory = Path.of(System.getProperty(OUTPUT_PROPERTY, "target/reliability"));
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, name, ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(temporary, directory.resolve(name + ".tsv"),
          StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report table " + name, e);
    }
  }

  private synchronized void add(List<?> cells, String result) {
    if (cells.size() != columns.size() - 1) {
      throw new IllegalArgumentException(name + " has " + (columns.size() - 1)
          + " columns before the result; got " + cells);
    }
    List<String> row = cells.stream().map(cell -> clean(Objects.toString(cell)))
        .collect(Collectors.toCollection(ArrayList::new));
    row.add(clean(result));
    rows.add(List.copyOf(row));
  }

  private static String clean(String cell) {
    String flat = cell.replaceAll("\\s+", " ").strip();
    return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
  }
}
