package org.energyweb.cli;

import org.apache.camel.main.Main;
import org.energyweb.ledger.Ledger;
import org.energyweb.observe.GatewayObservability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the gateway: the YAML routes of a folder (or one file) with the kamelets, until stopped (SIGTERM or Ctrl-C stop it cleanly).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "2:usage error, bad config, bad route or unusable data folder"})
class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--routes", defaultValue = "${sys:energyweb.home:-.}/routes", description = "A folder of *.camel.yaml routes, or one route file (default: ${DEFAULT-VALUE}).")
    Path routes;

    @Option(names = "--config", defaultValue = "${sys:energyweb.home:-.}/config/application.properties",
            description = "The application properties (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--data", description = "The data folder holding the ledger (default: energyweb.data from the config, else ./data).")
    Path data;

    @Option(names = "--kamelets", defaultValue = "${sys:energyweb.home:-.}/kamelets", description = "Folder of extra kamelets, searched before the built-in ones (default: ${DEFAULT-VALUE}).")
    Path kamelets;

    @Option(names = "--max-duration", converter = DurationConverter.class, hidden = true,
            description = "Stop after this long (for tests and demos).")
    java.time.Duration maxDuration;

    @Override
    public Integer call() throws Exception {
        Properties properties = GatewayConfig.load(config);
        String routesPattern = routesPattern(routes);
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + config.toAbsolutePath());
        properties.forEach((key, value) -> main.addInitialProperty(key.toString(), value.toString()));
        main.addOverrideProperty("camel.main.routesIncludePattern", routesPattern);
        main.addOverrideProperty("camel.component.kamelet.location", "file:" + kamelets.toAbsolutePath() + ",classpath:kamelets");
        if (data != null) {
            main.addOverrideProperty("energyweb.data", data.toString());
        }
        if (maxDuration != null) {
            main.addOverrideProperty("camel.main.durationMaxSeconds", Long.toString(Math.max(1, maxDuration.toSeconds())));
        }
        // One ledger per process and data folder: every component (ledger:, origin:, ...) finds this bean.
        try (Ledger ledger = Ledger.open(data != null ? data : Path.of(properties.getProperty("energyweb.data", "data")));
             StopSignals signals = StopSignals.onStop(signal -> {
                 spec.commandLine().getErr().println("energyweb run: " + signal
                         + ": stopping the routes, then committing and closing the ledger (a second signal stops at once)");
                 main.completed();
             });
             GatewayObservability observability = observe(main, properties, ledger)) {
            main.bind("ledger", ledger);
            main.run();
        }
        return main.getExitCode() == 0 ? EnergywebCommand.OK : EnergywebCommand.ERROR;
    }

    private GatewayObservability observe(Main main, Properties properties, Ledger ledger) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            return GatewayObservability.install(main, properties, ledger, line -> {
                out.println(line);
                out.flush();
            });
        } catch (IllegalStateException e) {
            throw new CliError(e.getMessage(), e);
        }
    }

    private static String routesPattern(Path routes) throws IOException {
        if (Files.isRegularFile(routes)) {
            return "file:" + routes.toAbsolutePath();
        }
        if (!Files.isDirectory(routes)) {
            throw new CliError("no route file or folder at " + routes.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(routes)) {
            if (files.noneMatch(f -> f.getFileName().toString().endsWith(".camel.yaml"))) {
                throw new CliError("no *.camel.yaml route in " + routes.toAbsolutePath());
            }
        }
        return "file:" + routes.toAbsolutePath() + "/*.camel.yaml";
    }
}
