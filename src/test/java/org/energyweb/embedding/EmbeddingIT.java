package org.energyweb.embedding;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar in a Spring Boot 3 application (camel-spring-boot 4.17) beside camel-web3j: the
 * Maven project in src/test/embedding is built and tested by a child {@code mvn}, once with Energyweb
 * declared before the Camel starters and once after them, since Maven's choice between conflicting
 * versions depends on that order. Its own test asserts one SLF4J provider, ledgered readings without a
 * Ledger bean, a signed transaction camel-web3j's web3j reads, and camel-web3j's HTTP client.
 */
class EmbeddingIT {

    private static final Path PROJECT = Path.of(System.getProperty("energyweb.project.dir", ".")).toAbsolutePath();
    private static final String MARK = "<!--@ENERGYWEB@-->";

    @Test
    void anApplicationDeclaringEnergywebBeforeTheCamelStartersRunsWithIt() throws Exception {
        installThePackagedJar();
        Path application = copyOfTheApplication("before");
        assertBuildsAndPasses(application);
    }

    @Test
    void anApplicationDeclaringEnergywebAfterTheCamelStartersRunsWithIt() throws Exception {
        installThePackagedJar();
        Path application = copyOfTheApplication("after");
        Path pom = application.resolve("pom.xml");
        String text = Files.readString(pom);
        int start = text.indexOf(MARK);
        int end = text.indexOf(MARK, start + MARK.length()) + MARK.length();
        String energyweb = text.substring(start, end);
        Files.writeString(pom, text.substring(0, start) + text.substring(end).replace("<!--@AFTER@-->", energyweb));
        assertThat(Files.readString(pom).indexOf("camel-web3j-starter")).isLessThan(Files.readString(pom).indexOf(MARK));
        assertBuildsAndPasses(application);
    }

    /** What `mvn install` would put in the local repository: the shaded jar with its dependency-reduced POM. */
    private static void installThePackagedJar() throws Exception {
        Path jar = PROJECT.resolve("target/energyweb.jar");
        Path pom = PROJECT.resolve("target/dependency-reduced-pom.xml");
        assertThat(jar).as("the integration tests run after `mvn package`").isRegularFile();
        assertThat(run(PROJECT.resolve("target"), PROJECT.resolve("target/embedding-install.log"),
                "install:install-file", "-Dfile=" + jar, "-DpomFile=" + pom)).isZero();
    }

    private static Path copyOfTheApplication(String name) throws IOException {
        Path source = PROJECT.resolve("src/test/embedding");
        Path target = PROJECT.resolve("target/embedding").resolve(name);
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    private static void assertBuildsAndPasses(Path application) throws Exception {
        Path log = application.resolve("build.log");
        int exit = run(application, log, "test");
        String output = Files.readString(log);
        assertThat(exit).as("the embedding application's build; its output:\n%s", output).isZero();
        assertThat(output).contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0")
                .doesNotContain("multiple SLF4J providers")
                .doesNotContain("NoClassDefFoundError")
                .doesNotContain("NoSuchMethodError");
    }

    private static int run(Path directory, Path log, String... arguments) throws Exception {
        // Maven Central is only asked for what the local repository lacks (the first run downloads Spring Boot).
        List<String> command = new ArrayList<>(List.of("mvn", "-B"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", command) + " did not end within 20 minutes; see " + log);
        }
        return process.exitValue();
    }
}
