package dev.apikeys.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java snippets of the README's "Testing your code" section are the code of the tests in
 * this package: each paragraph of each snippet (imports, fields, methods, blocks) appears in
 * one of them line for line, indentation and blank lines aside.
 */
class ReadmeAgreementTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path TESTS = Path.of("src", "test", "java", "dev", "apikeys",
      "examples", "readme");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

  @Test
  void testingSnippetsAreTheTestsCode() throws IOException {
    List<String> tests = testSources();
    List<String> missing = new ArrayList<>();
    List<String> snippets = snippets(section("## Testing your code"));
    for (String snippet : snippets) {
      for (String paragraph : snippet.split("\n\\s*\n")) {
        String lines = normalized(paragraph);
        if (tests.stream().noneMatch(test -> test.contains("\n" + lines + "\n"))) {
          missing.add(lines);
        }
      }
    }

    assertEquals(4, snippets.size());
    assertTrue(missing.isEmpty(), () -> "README lines that no test has:\n"
        + String.join("\n---\n", missing));
  }

  private static String section(String heading) throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf(heading + "\n");
    int end = readme.indexOf("\n## ", start + heading.length());
    assertTrue(start >= 0, () -> "no section " + heading);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static List<String> snippets(String section) {
    List<String> snippets = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(section);
    while (block.find()) {
      snippets.add(block.group(1));
    }
    return snippets;
  }

  private static List<String> testSources() throws IOException {
    try (Stream<Path> files = Files.list(TESTS)) {
      List<String> sources = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith("Test.java")).toList()) {
        sources.add("\n" + normalized(Files.readString(file, StandardCharsets.UTF_8)) + "\n");
      }
      return sources;
    }
  }

  /** The lines, each stripped, without blank ones, joined with newlines. */
  private static String normalized(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
