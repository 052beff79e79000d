package dev.apikeys.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;

/**
 * The section that one test class adds to the reliability report: a row for each case, holding
 * what it tried and what it saw, recorded once its assertions held. Written as {@code <name>.md}
 * under the directory of the system property {@value #OUTPUT_PROPERTY} (Maven sets
 * {@code target/reliability}), where {@link ReliabilityReport} gathers it. The cells must not
 * depend on timing: the report is compared with the committed one. Thread-safe.
 */
final class ReportTable {

  static final String OUTPUT_PROPERTY = "reliability.output";

  private final String name;
  private final String title;
  private final List<String> columns;
  private final List<String> notes = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();
  private final List<String> knownBugs = new ArrayList<>();
  private List<String> pivotKeys;
  private String pivotColumn;

  private ReportTable(String name, String title, List<String> columns) {
    this.name = name;
    this.title = title;
    this.columns = columns;
  }

  /**
   * Creates a table.
   *
   * @param name the file name without {@code .md}; names sort the report's sections
   * @param title the section's title
   * @param columns what each row holds
   */
  static ReportTable create(String name, String title, String... columns) {
    return new ReportTable(name, title, List.of(columns));
  }

  /**
   * Runs the checks of one case, then records its row; a failed check is rethrown and fails
   * the build, so the report only ever holds cases that passed.
   *
   * @param cells the observed values, one per column
   * @param checks the assertions on them
   */
  void check(List<?> cells, Executable checks) {
    check(cells, null, checks);
  }

  /**
   * Runs the checks of one case that a known bug breaks: their failure is listed under the
   * table as that bug and the test is skipped with it as the reason; checks that pass fail the
   * test, so that a fixed bug leaves the list.
   *
   * @param cells the observed values, one per column
   * @param knownBug what is wrong, or null when nothing is known to be
   * @param checks the assertions on them
   */
  void check(List<?> cells, String knownBug, Executable checks) {
    if (knownBug != null) {
      try {
        checks.execute();
      } catch (Throwable expected) {
        synchronized (this) {
          knownBugs.add(knownBug + " (" + cells.stream().map(ReportTable::clean)
              .collect(Collectors.joining(", ")) + ")");
        }
        Assumptions.abort("known bug: " + knownBug);
      }
      throw new AssertionError("this case passes now: remove its known bug: " + knownBug);
    }
    if (cells.size() != columns.size()) {
      throw new IllegalArgumentException(name + " has " + columns + "; got " + cells);
    }
    try {
      checks.execute();
    } catch (AssertionError | RuntimeException failure) {
      throw failure;
    } catch (Throwable failure) {
      throw new AssertionError(failure.toString(), failure);
    }
    synchronized (this) {
      rows.add(cells.stream().map(ReportTable::clean).toList());
    }
  }

  private static String clean(Object cell) {
    String flat = String.valueOf(cell).replaceAll("\\s+", " ").strip();
    return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
  }

  /**
   * Shows the rows as a grid: a line for each distinct value of the {@code keys} columns, a
   * grid column for each value of {@code column}, and in each cell the other columns' values.
   */
  synchronized ReportTable pivot(List<String> keys, String column) {
    pivotKeys = keys;
    pivotColumn = column;
    return this;
  }

  /** Adds a paragraph of explanation printed above the table. */
  synchronized ReportTable note(String text) {
    notes.add(text.replaceAll("\\s+", " ").strip());
    return this;
  }

  /** Writes the section, replacing the one of an earlier run; its first line is for the index. */
  synchronized void write() {
    StringBuilder md = new StringBuilder().append(rows.size()).append('\t')
        .append(knownBugs.size()).append('\t').append(title)
        .append("\n## ").append(title).append("\n\n");
    notes.forEach(note -> md.append(note).append("\n\n"));
    if (pivotKeys == null) {
      table(md, columns, rows);
    } else {
      grid(md);
    }
    if (!knownBugs.isEmpty()) {
      md.append("Known bugs: these cases fail as described and are skipped until fixed:\n\n");
      knownBugs.forEach(bug -> md.append("- ").append(bug).append('\n'));
      md.append('\n');
    }
    Path directory = Path.of(System.getProperty(OUTPUT_PROPERTY, "target/reliability"));
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(name + ".md"), md, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report section " + name, e);
    }
  }

  private void grid(StringBuilder md) {
    List<Integer> keys = pivotKeys.stream().map(columns::indexOf).toList();
    int across = columns.indexOf(pivotColumn);
    List<Integer> cells = IntStream.range(0, columns.size())
        .filter(i -> i != across && !keys.contains(i)).boxed().toList();
    Map<List<String>, Map<String, String>> grid = new LinkedHashMap<>();
    for (List<String> row : rows) {
      grid.computeIfAbsent(keys.stream().map(row::get).toList(), key -> new LinkedHashMap<>())
          .put(row.get(across), cells.stream().map(row::get).collect(Collectors.joining(" / ")));
    }
    List<String> heads = rows.stream().map(row -> row.get(across)).distinct().toList();
    List<String> header = new ArrayList<>(pivotKeys);
    header.addAll(heads);
    List<List<String>> lines = grid.entrySet().stream().map(entry -> {
      List<String> line = new ArrayList<>(entry.getKey());
      heads.forEach(head -> line.add(entry.getValue().getOrDefault(head, "")));
      return line;
    }).toList();
    md.append("Each cell: ").append(cells.stream().map(columns::get)
        .collect(Collectors.joining(" / "))).append(".\n\n");
    table(md, header, lines);
  }

  private static void table(StringBuilder md, List<String> header, List<List<String>> lines) {
    md.append(line(header)).append(line(Collections.nCopies(header.size(), "---")));
    lines.forEach(line -> md.append(line(line)));
    md.append('\n');
  }

  private static String line(List<String> cells) {
    return cells.stream().map(cell -> cell.replace("|", "\\|"))
        .collect(Collectors.joining(" | ", "| ", " |\n"));
  }
}
