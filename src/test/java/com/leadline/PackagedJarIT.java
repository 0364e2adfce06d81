package com.leadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What the packaged jar ships in {@code BOOT-INF/lib}, checked against a list kept in review: a new runtime
 * library fails this test until src/test/resources/shipped-libraries.txt names it (docs/testing.md).
 * Failsafe runs it after {@code package}, on the jar {@code bin/test} has just built.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of(System.getProperty("leadline.packaged-jar", "target/leadline.jar"));
    private static final Path EXPECTED = Path.of("src/test/resources/shipped-libraries.txt");
    /** {@code artifact-1.2.3.jar}: the version starts at the first dash followed by a digit. */
    private static final Pattern LIBRARY = Pattern.compile("BOOT-INF/lib/(.+?)-\\d[^/]*\\.jar");
    /** Test tools, named in the name or as a {@code test}/{@code tests} part of it (spring-test, spring-boot-test, *-tests). */
    private static final Pattern TEST_ONLY = Pattern.compile("archunit|junit|selenium|greenmail|mockito|assertj|(^|[-.])tests?([-.]|$)");

    @Test
    void shipsExactlyTheListedLibrariesAndNoTestTools() throws IOException {
        List<String> shipped = shippedLibraries();
        assertThat(shipped).as("libraries in %s", JAR).isNotEmpty()
                .filteredOn(name -> TEST_ONLY.matcher(name).find()).as("test tools in the runtime jar").isEmpty();
        assertThat(shipped).as("BOOT-INF/lib of %s against %s (update the list when a runtime dependency changes on purpose)",
                JAR, EXPECTED).containsExactlyElementsOf(expectedLibraries());
    }

    private static List<String> shippedLibraries() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            return jar.stream().map(entry -> LIBRARY.matcher(entry.getName())).filter(Matcher::matches)
                    .map(library -> library.group(1)).sorted().toList();
        }
    }

    private static List<String> expectedLibraries() throws IOException {
        return Files.readAllLines(EXPECTED).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();
    }
}
