package dev.apikeys.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The facts that the documents list and the build decides agree with the build: the packages
 * that each named module exports (README, Compatibility, against each published module's
 * {@code module-info.java}), the automatic module names (against the POMs'
 * {@code Automatic-Module-Name}), the published modules (RELEASING.md, against the root POM's
 * modules and their {@code maven.deploy.skip}), the project layout (CONTRIBUTING.md: every
 * module, and which are not published) and the benchmark figures the README quotes (against
 * BENCHMARKS.md's tables). Each fails naming what a document lists and what the
 * build has, so a module, an export or a published artifact added to the build without its line
 * in the documents fails here.
 */
class ReadmeFactsTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern EXPORTS = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;");
  private static final Pattern MODULE_NAME = Pattern.compile("(?m)^\\s*module\\s+([\\w.]+)");
  private static final Pattern AUTOMATIC_NAME =
      Pattern.compile("<Automatic-Module-Name>([^<]+)</Automatic-Module-Name>");
  /** "`artifact` is the named module `name`, which exports `a`, `b` and `c`." */
  private static final Pattern NAMED_MODULE_SENTENCE = Pattern.compile(
      "`(apikeys-[a-z0-9-]+)` is the named module `([\\w.]+)`, which exports (.*?)\\.(?=\\s|$)");
  /** "`artifact` is the automatic module `name`", "is" optional after an "and". */
  private static final Pattern AUTOMATIC_MODULE_SENTENCE = Pattern.compile(
      "`(apikeys-[a-z0-9-]+)` (?:is )?the automatic module `([\\w.]+)`");
  private static final Pattern PACKAGE = Pattern.compile("`([a-z][\\w]*(?:\\.[a-z][\\w]*)+)`");
  private static final Pattern ARTIFACT = Pattern.compile("`(apikeys-[a-z0-9-]+)`");
  /** A row of CONTRIBUTING.md's layout table: "| `folder` | `artifact` | what |". */
  private static final Pattern LAYOUT_ROW =
      Pattern.compile("(?m)^\\| `([^`]+)` \\| `(apikeys-[a-z0-9-]+)` \\|(.*)\\|$");

  /** A figure as README quotes it: "671 ms", "2,294 µs", "25.5 kB". */
  private static final Pattern FIGURE = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?) (ms|µs|kB)");

  @Test
  void choosingATransportQuotesFiguresThatBenchmarksHas() throws IOException {
    String readme = read("README.md");
    int from = readme.indexOf("### Choosing a transport");
    assertTrue(from >= 0, "no section \"### Choosing a transport\"");
    int header = readme.indexOf("| --- |", from);
    String table = readme.substring(header, readme.indexOf("\n\n", header));
    String benchmarks = read("BENCHMARKS.md");
    List<String> quoted = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Matcher figure = FIGURE.matcher(table);
    while (figure.find()) {
      String unit = figure.group(2).equals("µs") ? "us/op" : figure.group(2);
      quoted.add(figure.group());
      if (!benchmarks.contains("| " + figure.group(1) + " " + unit + " |")) {
        missing.add(figure.group());
      }
    }

    assertFalse(quoted.isEmpty(), "README, Choosing a transport: no figure found in its table");
    assertEquals(List.of(), missing,
        "README, Choosing a transport: figures that no table of BENCHMARKS.md has");
  }

  @Test
  void compatibilityListsWhatEachNamedModuleExports() throws Exception {
    Map<String, String> expected = new TreeMap<>();
    for (BuildModule module : publishedModules()) {
      Path moduleInfo = module.dir().resolve("src/main/java/module-info.java");
      if (Files.exists(moduleInfo)) {
        String source = Files.readString(moduleInfo, StandardCharsets.UTF_8);
        expected.put(module.artifactId(), firstGroup(MODULE_NAME, source) + " exports "
            + all(EXPORTS, source, 1));
      }
    }
    Map<String, String> listed = new TreeMap<>();
    Matcher sentence = NAMED_MODULE_SENTENCE.matcher(section(read("README.md"),
        "Compatibility"));
    while (sentence.find()) {
      listed.put(sentence.group(1), sentence.group(2) + " exports "
          + all(PACKAGE, sentence.group(3), 1));
    }

    assertFalse(expected.isEmpty(), "no published module has a module-info.java");
    assertEquals(expected, listed, "README, Compatibility: each named module and its exports");
  }

  @Test
  void compatibilityNamesEachAutomaticModule() throws Exception {
    Map<String, String> expected = new TreeMap<>();
    for (BuildModule module : publishedModules()) {
      Matcher name = AUTOMATIC_NAME.matcher(module.pom());
      if (name.find()) {
        expected.put(module.artifactId(), name.group(1));
      }
    }
    Map<String, String> listed = new TreeMap<>();
    Matcher sentence = AUTOMATIC_MODULE_SENTENCE.matcher(section(read("README.md"),
        "Compatibility"));
    while (sentence.find()) {
      listed.put(sentence.group(1), sentence.group(2));
    }

    assertFalse(expected.isEmpty(), "no published module has an Automatic-Module-Name");
    assertEquals(expected, listed, "README, Compatibility: each automatic module's name");
  }

  @Test
  void releasingListsThePublishedModules() throws Exception {
    Set<String> expected = new TreeSet<>();
    expected.add(rootModule().artifactId());
    for (BuildModule module : publishedModules()) {
      expected.add(module.artifactId());
    }

    Set<String> listed = all(ARTIFACT, section(read("RELEASING.md"), "What is published"), 1);

    assertTrue(rootModule().published(), "the root POM is deployed");
    assertEquals(expected, listed, "RELEASING.md, What is published: the published modules");
  }

  @Test
  void theLayoutHasEveryModuleAndSaysWhichAreNotPublished() throws Exception {
    Map<String, String> expected = new TreeMap<>();
    for (BuildModule module : modules()) {
      expected.put(module.folder(), module.artifactId()
          + (module.published() ? "" : " (not published)"));
    }
    Map<String, String> listed = new TreeMap<>();
    Matcher row = LAYOUT_ROW.matcher(rawSection(read("CONTRIBUTING.md"), "Project layout"));
    while (row.find()) {
      listed.put(row.group(1), row.group(2)
          + (row.group(3).contains("(not published)") ? " (not published)" : ""));
    }

    assertEquals(expected, listed, "CONTRIBUTING.md, Project layout: folder, artifact, and"
        + " \"(not published)\" for each module whose maven.deploy.skip is true");
  }

  /** A module of the build: its folder, POM text, artifact id and whether it is deployed. */
  private record BuildModule(String folder, Path dir, String pom, String artifactId,
      boolean published) {
  }

  private static BuildModule rootModule() throws Exception {
    return module(".");
  }

  /** The root POM's modules, in its order. */
  private static List<BuildModule> modules() throws Exception {
    List<BuildModule> modules = new ArrayList<>();
    Matcher module = MODULE.matcher(rootModule().pom());
    while (module.find()) {
      modules.add(module(module.group(1).strip()));
    }
    assertFalse(modules.isEmpty(), "the root pom.xml lists no module");
    return modules;
  }

  private static List<BuildModule> publishedModules() throws Exception {
    return modules().stream().filter(BuildModule::published).toList();
  }

  private static BuildModule module(String folder) throws Exception {
    Path dir = ROOT.resolve(folder);
    Path pomFile = dir.resolve("pom.xml");
    Element project = parse(pomFile);
    String artifactId = child(project, "artifactId");
    assertFalse(artifactId.isEmpty(), () -> pomFile + " has no artifactId");
    Element properties = element(project, "properties");
    // Maven's own default, and the root POM's: deployed unless a module sets it to true
    boolean skip = properties != null && "true".equals(child(properties, "maven.deploy.skip"));
    return new BuildModule(folder, dir, Files.readString(pomFile, StandardCharsets.UTF_8),
        artifactId, !skip);
  }

  private static Element parse(Path pom)
      throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
  }

  /** The first child element of that name, or null. */
  private static Element element(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(name)) {
        return child;
      }
    }
    return null;
  }

  /** The text of the first child element of that name, or "". */
  private static String child(Element parent, String name) {
    Element child = element(parent, name);
    return child == null ? "" : child.getTextContent().strip();
  }

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
  }

  /** A "## title" section, up to the next "## ", with every run of white space as one space. */
  private static String section(String document, String title) {
    return rawSection(document, title).replaceAll("\\s+", " ");
  }

  /** A "## title" section, up to the next "## ", as it is written. */
  private static String rawSection(String document, String title) {
    Matcher start = Pattern.compile("(?m)^## " + Pattern.quote(title) + "$").matcher(document);
    assertTrue(start.find(), () -> "no section \"## " + title + "\"");
    Matcher end = Pattern.compile("(?m)^## ").matcher(document);
    int to = end.find(start.end()) ? end.start() : document.length();
    return document.substring(start.end(), to);
  }

  private static Set<String> all(Pattern pattern, String text, int group) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(group));
    }
    return found;
  }

  private static String firstGroup(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertTrue(matcher.find(), () -> "no match of " + pattern + " in " + text);
    return matcher.group(1);
  }
}
