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
 * Every Java snippet of the README is the code of the tests in this package, or of the Spring
 * Boot sample application and its test, and every Kotlin snippet the code of the Kotlin
 * consumer project: each paragraph of each snippet (imports, fields, methods, blocks) appears
 * in one of their sources line for line. Indentation, runs of spaces and blank lines aside, and
 * so are the lines that set a base URL or a token and the numbers of key ids, which the tests
 * take from their server.
 */
class ReadmeAgreementTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path TESTS = Path.of("src", "test", "java", "dev", "apikeys",
      "examples", "readme");
  private static final Path SPRING_SAMPLE = Path.of("..", "spring-boot-sample", "src");
  private static final Path KOTLIN_CONSUMER = Path.of("..", "consumer-check-kotlin", "src");
  private static final Pattern SECTION = Pattern.compile("(?m)^## (.+)$");
  private static final Pattern SERVER_SETTING = Pattern.compile("\\.(baseUrl|token)\\(");
  private static final Pattern KEY_ID = Pattern.compile("key_[0-9]+");

  @Test
  void everyJavaSnippetIsTheTestsCode() throws IOException {
    assertSnippetsIn("java", sources(".java", TESTS, SPRING_SAMPLE));
  }

  @Test
  void everyKotlinSnippetIsTheKotlinConsumersCode() throws IOException {
    assertSnippetsIn("kotlin", sources(".kt", KOTLIN_CONSUMER));
  }

  private static void assertSnippetsIn(String language, List<String> sources)
      throws IOException {
    Pattern fence = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL);
    List<String> missing = new ArrayList<>();
    int snippets = 0;
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher block = fence.matcher(readme);
    while (block.find()) {
      snippets++;
      for (String paragraph : block.group(1).split("\n\\s*\n")) {
        String lines = normalized(paragraph);
        if (sources.stream().noneMatch(source -> source.contains("\n" + lines + "\n"))) {
          missing.add(sectionAt(readme, block.start()) + ":\n" + lines);
        }
      }
    }

    // every fence opened with the language was read as a snippet, and there are some
    assertEquals(readme.split("```" + language + "\n", -1).length - 1, snippets);
    assertTrue(snippets > 0, "no " + language + " snippet found in the README");
    assertTrue(missing.isEmpty(), () -> "README lines that no source has:\n"
        + String.join("\n---\n", missing));
  }

  private static String sectionAt(String readme, int offset) {
    Matcher heading = SECTION.matcher(readme.substring(0, offset));
    String section = "(before any section)";
    while (heading.find()) {
      section = heading.group(1);
    }
    return section;
  }

  private static List<String> sources(String extension, Path... roots) throws IOException {
    List<String> sources = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(extension)).toList()) {
          sources.add("\n" + normalized(Files.readString(file, StandardCharsets.UTF_8)) + "\n");
        }
      }
    }
    return sources;
  }

  /** The lines as compared: see the class comment. */
  private static String normalized(String text) {
    return text.lines().map(line -> line.strip().replaceAll("\\s+", " "))
        .filter(line -> !line.isEmpty() && !SERVER_SETTING.matcher(line).find())
        .map(line -> KEY_ID.matcher(line).replaceAll("key_N"))
        .collect(Collectors.joining("\n"));
  }
}
