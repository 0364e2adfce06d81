package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owner-only files need POSIX permissions. A zip file system has none, like Windows' NTFS: the
 * credentials refuse it with a message saying what to do, not an UnsupportedOperationException.
 */
class EmbeddedDatabaseCredentialsTests {

    @TempDir
    Path dataDir;

    @Test
    void aFileSystemWithoutPosixPermissionsIsRefusedWithAClearMessage() throws Exception {
        try (FileSystem withoutPermissions = FileSystems.newFileSystem(dataDir.resolve("data.zip"), Map.of("create", "true"))) {
            Path postgresData = Files.createDirectories(withoutPermissions.getPath("/postgres"));

            assertThatThrownBy(() -> EmbeddedDatabaseCredentials.generate().writeTo(postgresData))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("POSIX").hasMessageContaining("spring.datasource.url");
            Files.writeString(EmbeddedDatabaseCredentials.fileIn(postgresData), "postgres.password=x\nleadline_app.password=y\n");
            assertThatThrownBy(() -> EmbeddedDatabaseCredentials.readFrom(postgresData))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("POSIX").hasMessageContaining("spring.datasource.url");
        }
    }
}
