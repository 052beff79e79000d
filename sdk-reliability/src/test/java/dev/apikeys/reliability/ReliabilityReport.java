package dev.apikeys.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Renders {@code RELIABILITY.md} from the sections that the tests of this module wrote (see
 * {@link ReportTable}): a summary, then each section. Maven runs it in the {@code verify} phase,
 * after the tests, and fails the build when the committed report differs from the rendered one.
 */
public final class ReliabilityReport {

  static final String COMMAND = "./mvnw -B verify -pl sdk-reliability -am"
      + " && cp sdk-reliability/target/reliability/RELIABILITY.md RELIABILITY.md";

  private ReliabilityReport() {
  }

  /**
   * Renders the report and compares it with the committed one.
   *
   * @param args the directory of the sections, where the report is written too; the committed
   *     report; {@code true} to compare them
   * @throws IllegalStateException when the committed report is not the rendered one
   */
  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]);
    List<Path> sections;
    try (Stream<Path> files = Files.list(directory)) {
      sections = files.filter(path -> path.toString().endsWith(".md"))
          .filter(path -> !path.endsWith("RELIABILITY.md")).sorted().toList();
    }
    Path report = directory.resolve("RELIABILITY.md");
    String rendered = render(sections);
    Files.writeString(report, rendered, StandardCharsets.UTF_8);
    System.out.println("Reliability report: " + report.toAbsolutePath());
    if (Boolean.parseBoolean(args[2]) && !rendered.equals(Files.readString(Path.of(args[1])))) {
      throw new IllegalStateException(args[1] + " is not what the suite renders (" + report
          + "); if the change is meant, run: " + COMMAND);
    }
  }

  private static String render(List<Path> sections) throws IOException {
    StringBuilder summary = new StringBuilder(
        "| section | cases | known bugs (skipped) |\n| --- | ---: | ---: |\n");
    StringBuilder body = new StringBuilder();
    int cases = 0;
    int bugs = 0;
    for (Path section : sections) {
      String text = Files.readString(section, StandardCharsets.UTF_8);
      String[] index = text.substring(0, text.indexOf('\n')).split("\t", 3);
      summary.append("| ").append(index[2]).append(" | ").append(index[0]).append(" | ")
          .append(index[1]).append(" |\n");
      cases += Integer.parseInt(index[0]);
      bugs += Integer.parseInt(index[1]);
      body.append(text.substring(text.indexOf('\n') + 1));
    }
    summary.append("| **all** | **").append(cases).append("** | **").append(bugs)
        .append("** |\n\n");
    return "# Reliability and security report\n\n"
        + "What the tests of `sdk-reliability` tried and observed, on the JDK transport and on"
        + " `apikeys-transport-apache5`. Every row is a case whose assertions held: a failed"
        + " case fails the build. Rendered by `./mvnw -B verify`, which also fails when this"
        + " file is not what the suite renders; do not edit by hand. To update it:\n\n"
        + "```\n" + COMMAND + "\n```\n\n## Summary\n\n" + summary + body;
  }
}
