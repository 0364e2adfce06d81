package com.leadline.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded PostgreSQL leaves in its data folder and Leadline keeps in order there: the client
 * authentication file (passwords only), a server or password files left behind by a process that died.
 */
final class EmbeddedDataFolder {

    /** Every role, on the Unix socket and over TCP from this machine (the server listens on localhost only). */
    private static final String CLIENT_AUTHENTICATION = """
            # Written by Leadline at every start: every connection needs a password.
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataFolder.class);

    private EmbeddedDataFolder() {
    }

    /** Read by the server at start and on pg_reload_conf(); written on every start, so it cannot drift. */
    static void writePasswordOnlyAccess(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), CLIENT_AUTHENTICATION);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write pg_hba.conf in " + dataDirectory, e);
        }
    }

    /**
     * Whether pg_hba.conf lets a TCP connection in without a password (zonky and Leadline connect over TCP
     * to localhost), as initdb's {@code -A trust} did for a Leadline before passwords. A folder made by
     * this version requires passwords from initdb on.
     */
    static boolean trustsLocalConnections(Path dataDirectory) throws IOException {
        Path clientAuthentication = dataDirectory.resolve("pg_hba.conf");
        if (!Files.exists(clientAuthentication)) {
            return false;
        }
        return Files.readAllLines(clientAuthentication).stream()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .map(line -> List.of(line.split("\\s+")))
                .anyMatch(fields -> fields.get(0).startsWith("host") && fields.contains("trust"));
    }

    /** Named after the data folder, so that side-by-side test databases in one parent folder keep apart. */
    static String initdbPasswordPrefix(Path dataDirectory) {
        return dataDirectory.getFileName() + "-password";
    }

    /**
     * Password files a crash left behind (they hold live passwords): initdb's, next to the data folder,
     * and drafts of the credentials file inside it, as {@link EmbeddedDatabaseCredentials#ownerOnlyFile} names them.
     */
    static void deletePasswordDrafts(Path dataDirectory) throws IOException {
        deleteTemporaryFiles(dataDirectory.getParent(), initdbPasswordPrefix(dataDirectory));
        deleteTemporaryFiles(dataDirectory, EmbeddedDatabaseCredentials.DRAFT_PREFIX);
    }

    private static void deleteTemporaryFiles(Path directory, String prefix) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "[0-9]+" + Pattern.quote(EmbeddedDatabaseCredentials.DRAFT_SUFFIX));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(file -> name.matcher(file.getFileName().toString()).matches()).toList()) {
                log.warn("Deleting {}, a password file left by an interrupted start", file);
                Files.deleteIfExists(file);
            }
        }
    }

    /** After a {@code kill -9} of the application the old server keeps running on the data folder. */
    static void stopServerLeftRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        if (server.isPresent() && server.get().isAlive() && server.get().info().command().orElse("").contains("postgres")) {
            log.warn("Stopping embedded PostgreSQL (pid {}) left running by an earlier process", server.get().pid());
            server.get().destroy();
            try {
                server.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                server.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }
}
