package dev.apikeys.reliability;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;

/**
 * Renders {@code RELIABILITY.md} from the {@code *.tsv} tables that the tests of this module
 * wrote (see {@link ReportTable}): a summary, then each table as the tests recorded it, then
 * the tests disabled as known bugs. Maven runs it in the {@code verify} phase, after the tests.
 */
public final class ReliabilityReport {

  static final String COMMAND = "./mvnw -B verify -pl sdk-reliability -am"
      + " && cp sdk-reliability/target/reliability/RELIABILITY.md RELIABILITY.md";

  private ReliabilityReport() {
  }

  /**
   * Renders the report.
   *
   * @param args the directory of the tables, where the report is written too; default
   *     {@code target/reliability}
   */
  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args.length > 0 ? args[0] : "target/reliability");
    List<Table> tables = read(directory);
    if (tables.isEmpty()) {
      System.out.println("No reliability tables in " + directory + ": no report rendered.");
      return;
    }
    Path report = directory.resolve("RELIABILITY.md");
    Files.writeString(report, render(tables, knownBugs()), StandardCharsets.UTF_8);
    System.out.println("Reliability report: " + report.toAbsolutePath());
  }

  private static List<Table> read(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> paths = files.filter(path -> path.toString().endsWith(".tsv")).sorted()
          .toList();
      List<Table> tables = new ArrayList<>();
      for (Path path : paths) {
        tables.add(Table.parse(Files.readAllLines(path, StandardCharsets.UTF_8)));
      }
      return tables;
    }
  }

  static String render(List<Table> tables, List<String> knownBugs) {
    StringBuilder md = new StringBuilder();
    md.append("# Reliability and security report\n\n")
        .append("Rendered by `sdk-reliability` from what its tests tried and observed"
            + " (`target/reliability/*.tsv`); do not edit by hand. To reproduce:\n\n")
        .append("```\n").append(COMMAND).append("\n```\n\n")
        .append("Last run: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(", Java ").append(System.getProperty("java.version")).append(" (")
        .append(System.getProperty("java.vendor")).append("), ")
        .append(System.getProperty("os.name")).append(' ')
        .append(System.getProperty("os.arch")).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n");
    md.append("## Summary\n\n| section | cases | passed | failed |\n")
        .append("| --- | ---: | ---: | ---: |\n");
    int cases = 0;
    int passed = 0;
    for (Table table : tables) {
      int tablePassed = table.passed();
      md.append("| ").append(table.title()).append(" | ").append(table.rows().size())
          .append(" | ").append(tablePassed).append(" | ")
          .append(table.rows().size() - tablePassed).append(" |\n");
      cases += table.rows().size();
      passed += tablePassed;
    }
    md.append("| **all** | **").append(cases).append("** | **").append(passed)
        .append("** | **").append(cases - passed).append("** |\n\n");
    md.append("Known bugs (tests disabled until the SDK is fixed): ").append(knownBugs.isEmpty()
        ? "none.\n\n" : knownBugs.size() + ", listed at the end.\n\n");
    for (Table table : tables) {
      table.appendTo(md);
    }
    if (!knownBugs.isEmpty()) {
      md.append("## Known bugs\n\n");
      knownBugs.forEach(bug -> md.append("- ").append(bug).append('\n'));
      md.append('\n');
    }
    return md.toString();
  }

  /** Lists the tests of this module disabled with a reason that starts with "BUG". */
  private static List<String> knownBugs() throws IOException {
    Path classes;
    try {
      classes = Path.of(ReliabilityReport.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the test classes", e);
    }
    List<String> bugs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith("Test.class")).sorted()
          .toList()) {
        String name = classes.relativize(file).toString().replace(file.getFileSystem()
            .getSeparator(), ".").replaceAll("\\.class$", "");
        bugs.addAll(disabledAsBugs(name));
      }
    }
    return bugs;
  }

  private static List<String> disabledAsBugs(String className) {
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException e) {
      return List.of();
    }
    return Arrays.stream(type.getDeclaredMethods())
        .filter(method -> method.isAnnotationPresent(Disabled.class))
        .filter(method -> method.getAnnotation(Disabled.class).value().startsWith("BUG"))
        .sorted((a, b) -> a.getName().compareTo(b.getName()))
        .map(method -> describe(type, method))
        .toList();
  }

  private static String describe(Class<?> type, Method method) {
    return "`" + type.getSimpleName() + "." + method.getName() + "`: "
        + method.getAnnotation(Disabled.class).value();
  }

  /** One table as a test wrote it. */
  record Table(String title, List<String> notes, String[] pivot, List<String> columns,
      List<List<String>> rows) {

    static Table parse(List<String> lines) {
      String title = lines.get(0).substring(2);
      List<String> notes = lines.stream().filter(line -> line.startsWith("## "))
          .map(line -> line.substring(3)).toList();
      String[] pivot = lines.stream().filter(line -> line.startsWith(ReportTable.PIVOT_PREFIX))
          .map(line -> line.substring(ReportTable.PIVOT_PREFIX.length()).split("\t"))
          .findFirst().orElse(null);
      List<String> body = lines.stream().skip(1).filter(line -> !line.startsWith("#"))
          .filter(line -> !line.isEmpty()).toList();
      List<String> columns = List.of(body.get(0).split("\t", -1));
      List<List<String>> rows = body.stream().skip(1)
          .map(line -> List.of(line.split("\t", -1))).toList();
      return new Table(title, notes, pivot, columns, rows);
    }

    int passed() {
      int result = columns.indexOf(ReportTable.RESULT_COLUMN);
      return (int) rows.stream().filter(row -> row.get(result).equals(ReportTable.PASS))
          .count();
    }

    void appendTo(StringBuilder md) {
      md.append("## ").append(title).append("\n\n");
      notes.forEach(note -> md.append(note).append("\n\n"));
      if (pivot == null) {
        appendRows(md);
        return;
      }
      appendGrid(md);
      md.append("<details><summary>All ").append(rows.size())
          .append(" rows</summary>\n\n");
      appendRows(md);
      md.append("</details>\n\n");
    }

    private void appendRows(StringBuilder md) {
      md.append(line(columns)).append(separator(columns.size()));
      rows.forEach(row -> md.append(line(row)));
      md.append('\n');
    }

    /** Renders the rows as a grid: the pivot's row keys down, its column's values across. */
    private void appendGrid(StringBuilder md) {
      List<Integer> keys = indexes(pivot[0]);
      int across = columns.indexOf(pivot[1]);
      List<Integer> cells = indexes(pivot[2]);
      int result = columns.indexOf(ReportTable.RESULT_COLUMN);
      List<String> heads = rows.stream().map(row -> row.get(across)).distinct().toList();
      Map<List<String>, Map<String, String>> grid = new LinkedHashMap<>();
      for (List<String> row : rows) {
        String cell = cells.stream().map(row::get).collect(Collectors.joining(" / "))
            + (row.get(result).equals(ReportTable.PASS) ? "" : " **FAIL**");
        grid.computeIfAbsent(keys.stream().map(row::get).toList(),
            key -> new LinkedHashMap<>()).put(row.get(across), cell);
      }
      List<String> header = new ArrayList<>();
      keys.forEach(index -> header.add(columns.get(index)));
      header.addAll(heads);
      md.append(line(header)).append(separator(header.size()));
      grid.forEach((key, values) -> {
        List<String> line = new ArrayList<>(key);
        heads.forEach(head -> line.add(values.getOrDefault(head, "")));
        md.append(line(line));
      });
      md.append('\n');
    }

    private List<Integer> indexes(String names) {
      return Arrays.stream(names.split(",")).map(columns::indexOf).toList();
    }

    private static String separator(int count) {
      return Collections.nCopies(count, "---").stream()
          .collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    private static String line(List<String> cells) {
      return cells.stream().map(cell -> cell.replace("|", "\\|"))
          .collect(Collectors.joining(" | ", "| ", " |\n"));
    }
  }
}
