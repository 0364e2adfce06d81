package com.leadline.leadbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "Speed and weight": what a host page loads (the launcher) is at most 5 KB gzipped, and the
 * whole widget (launcher and panel) at most 20 KB, measured on the files as they are in the sources.
 */
class WidgetWeightTests {

    static final Path STATIC = Path.of("src/main/resources/static");
    static final Path LAUNCHER = STATIC.resolve("leadbox.js");
    static final Path PANEL = STATIC.resolve("widget/panel.js");

    @Test
    void theLauncherIsAtMostFiveKilobytesGzipped() throws IOException {
        assertThat(gzippedSize(LAUNCHER)).as("leadbox.js gzipped, bytes").isLessThanOrEqualTo(5 * 1024);
    }

    @Test
    void theWholeWidgetIsAtMostTwentyKilobytesGzipped() throws IOException {
        assertThat(gzippedSize(LAUNCHER) + gzippedSize(PANEL)).as("leadbox.js + widget/panel.js gzipped, bytes")
                .isLessThanOrEqualTo(20 * 1024);
    }

    @Test
    void theWidgetIsOnlyTheseTwoFiles() throws IOException {
        try (var files = Files.list(PANEL.getParent())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("panel.js");
        }
    }

    /** Gzip at level 6, what servers and CDNs usually apply (level 9 saves a few bytes more). */
    static int gzippedSize(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.DEFAULT_COMPRESSION);
            }
        }) {
            gzip.write(Files.readAllBytes(file));
        }
        return out.size();
    }
}
