package org.energyweb.observe;

import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.main.Main;
import org.apache.camel.support.RoutePolicySupport;
import org.energyweb.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With a token, the management port answers no request without it, from the moment it listens. */
class BearerTokenGuardTest {

    @TempDir
    Path dir;

    @Test
    void aRequestWhileTheGatewayIsStillStartingIsRefusedWithoutTheToken() throws Exception {
        Properties settings = new Properties();
        settings.setProperty(ManagementAccess.TOKEN_FILE, Files.writeString(dir.resolve("token"), "s3cret-token\n").toString());
        CountDownLatch holdStartup = new CountDownLatch(1);
        CompletableFuture<Integer> routeStarting = new CompletableFuture<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (Ledger ledger = Ledger.open(dir.resolve("data"))) {
            Main main = new Main();
            settings.forEach((key, value) -> main.addInitialProperty(key.toString(), value.toString()));
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    // The management server starts with Camel's services, before any route: this route holds the startup there.
                    from("timer:hold?repeatCount=1").routePolicy(new RoutePolicySupport() {
                        @Override
                        public void onStart(Route route) {
                            // Any free port (the build sets camel.management.port=0): the one the server listens on.
                            ManagementHttpServer server = route.getCamelContext().hasService(ManagementHttpServer.class);
                            routeStarting.complete(server.getRouter().getServer().getServer().actualPort());
                            try {
                                holdStartup.await(60, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }).log("started");
                }
            });
            try (GatewayObservability observability = GatewayObservability.install(main, settings, ledger, line -> { })) {
                Thread runner = new Thread(() -> {
                    try {
                        main.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "gateway");
                runner.start();
                try {
                    int port = routeStarting.get(60, TimeUnit.SECONDS);
                    HttpRequest.Builder health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"));
                    HttpResponse<String> without = http.send(health.build(), HttpResponse.BodyHandlers.ofString());
                    HttpResponse<String> wrong = http.send(health.header("Authorization", "Bearer guessed").build(), HttpResponse.BodyHandlers.ofString());

                    assertThat(without.statusCode()).isEqualTo(401);
                    assertThat(wrong.statusCode()).isEqualTo(401);
                    holdStartup.countDown();
                    HttpResponse<String> with = await().atMost(Duration.ofSeconds(60)).until(() -> http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                                    .header("Authorization", "Bearer s3cret-token").build(), HttpResponse.BodyHandlers.ofString()),
                            answer -> answer.body().contains("\"name\":\"ledger\""));
                    assertThat(with.statusCode()).isEqualTo(200);
                } finally {
                    holdStartup.countDown();
                    main.completed();
                    runner.join(60_000);
                }
            }
        }
    }
}
