package org.energyweb.proof;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs one of the independent Python implementations kept next to this class, with Debian's python3. */
final class PythonScript {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonScript() {
    }

    /** Runs {@code scriptName} with the given files' contents as file arguments and {@code input} on stdin; its output lines. */
    static List<String> run(String scriptName, List<String> files, String input) throws IOException, InterruptedException {
        return run(scriptName, List.of(), files, input);
    }

    /** As {@link #run(String, List, String)}, with {@code options} before the file arguments. */
    static List<String> run(String scriptName, List<String> options, List<String> files, String input) throws IOException, InterruptedException {
        assertThat(Files.isExecutable(PYTHON)).as("Debian's python3 is installed").isTrue();
        Path dir = Files.createTempDirectory("python-cross-check");
        try {
            Path script = dir.resolve(scriptName);
            try (InputStream source = PythonScript.class.getResourceAsStream(scriptName)) {
                Files.write(script, source.readAllBytes());
            }
            List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
            command.addAll(options);
            for (int i = 0; i < files.size(); i++) {
                Path file = dir.resolve("proof-" + i + ".json");
                Files.writeString(file, files.get(i));
                command.add(file.toString());
            }
            Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
            python.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            python.getOutputStream().close();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as(output).isZero();
            return output.lines().map(String::strip).toList();
        } finally {
            try (var written = Files.list(dir)) {
                for (Path file : written.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }
}
