package org.energyweb.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway's management port (health, metrics, status page) is safe by default. */
class ManagementPortTest {

    private static final Pattern URL = Pattern.compile("management: (http://127\\.0\\.0\\.1:\\d+)/");

    @TempDir
    Path dir;

    @Test
    void aBindBeyondLoopbackWithoutATokenIsRefusedWithAClearMessage() throws IOException {
        Path config = config("camel.management.host = 0.0.0.0\n");
        CliTestSupport.Result result = CliTestSupport.run("run", "--config", config.toString(), "--routes", routes().toString(),
                "--data", dir.resolve("data").toString(), "--max-duration", "3s");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("refusing to open the management port 0.0.0.0:")
                .contains("without a bearer token").contains("energyweb.management.token-file").contains("camel.management.host=127.0.0.1")
                .doesNotContain("\tat ");
    }

    @Test
    void aBindBeyondLoopbackWithATokenButPlainHttpIsRefused() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "s3cret-token\n");
        Path config = config("camel.management.host = 0.0.0.0\nenergyweb.management.token-file = " + token + "\n");
        CliTestSupport.Result result = CliTestSupport.run("run", "--config", config.toString(), "--routes", routes().toString(),
                "--data", dir.resolve("data").toString(), "--max-duration", "3s");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("over plain HTTP").doesNotContain("s3cret-token");
    }

    @Test
    void withATokenTheManagementPortAnswersOnlyRequestsCarryingIt() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "s3cret-token\n");
        Path config = config("energyweb.management.token-file = " + token + "\n");
        CommandLine cli = EnergywebCommand.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("run", "--config", config.toString(),
                "--routes", routes().toString(), "--kamelets", CliTest.projectDir().resolve("kamelets").toString(),
                "--data", dir.resolve("data").toString(), "--max-duration", "8s"));

        String base = await().atMost(Duration.ofSeconds(60)).until(() -> {
            Matcher found = URL.matcher(out.toString());
            return found.find() ? found.group(1) : null;
        }, url -> url != null);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> without = http.send(HttpRequest.newBuilder(URI.create(base + "/observe/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> with = http.send(HttpRequest.newBuilder(URI.create(base + "/observe/health"))
                .header("Authorization", "Bearer s3cret-token").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(without.statusCode()).isEqualTo(401);
        // Health itself may still be settling (503) right after the start; the token let the request through either way.
        assertThat(with.statusCode()).isIn(200, 503);
        assertThat(with.body()).contains("\"name\":\"ledger\"");
        assertThat(run.get()).isZero();
    }

    private Path config(String extra) throws IOException {
        String base = Files.readString(CliTest.projectDir().resolve("config/application.properties"));
        return Files.writeString(dir.resolve("gateway.properties"), base + extra);
    }

    private static Path routes() {
        return CliTest.projectDir().resolve("routes");
    }
}
