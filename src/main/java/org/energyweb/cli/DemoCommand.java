package org.energyweb.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.energyweb.demo.Demo;
import org.energyweb.demo.DemoMode;
import org.energyweb.demo.DemoReport;
import org.energyweb.demo.FleetDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the whole pipeline on embedded defaults: simulated meters into the ledger, every document onto IPFS "
                + "(a local js-ipfs node, else the local block store) and every reading anchored on a local anvil chain with "
                + "our contracts, with a live progress display; then drains, verifies and prints a summary. An existing data "
                + "folder is continued, not started over.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run ended with a verified ledger that matches the chain", "1:the ledger did not verify or the chain disagrees",
            "2:usage or I/O error"})
class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--meters", defaultValue = "3", description = "How many simulated meters (default: ${DEFAULT-VALUE}).")
    int meters;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long the meters are read, e.g. 30s, 5m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--period", defaultValue = "200ms", converter = DurationConverter.class,
            description = "Time between two readings of a meter (default: ${DEFAULT-VALUE}).")
    Duration period;

    @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--mode", defaultValue = "origin", converter = ModeConverter.class,
            description = "origin: a saveSmartMeterRead per reading; merkle: one Merkle root per batch, with proofs (default: ${DEFAULT-VALUE}).")
    DemoMode mode;

    static class ModeConverter implements picocli.CommandLine.ITypeConverter<DemoMode> {
        @Override
        public DemoMode convert(String value) {
            try {
                return DemoMode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("--mode is origin or merkle, not '" + value + "'");
            }
        }
    }

    @Option(names = "--no-chain", description = "Leave the chain out (readings wait in the ledger's outbox).")
    boolean noChain;

    @Option(names = "--fleet", description = "A fleet instead: a KRaft broker, PostgreSQL, anvil and js-ipfs, --gateways gateway processes of"
            + " --meters meters each publishing through Kafka, two anchoring workers (anchor-service); then an audit of every reading.")
    boolean fleet;

    @Option(names = "--gateways", defaultValue = "3", description = "With --fleet: how many gateway processes (default: ${DEFAULT-VALUE}).")
    int gateways;

    @Override
    public Integer call() throws Exception {
        if (meters < 1) {
            throw new CliError("--meters must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fleet) {
            return runFleet(out);
        }
        try (StopSignals signals = StopSignals.onStop(signal -> { });
             Demo demo = Demo.start(data, meters, period, !noChain, mode, printing(out))) {
            showProgress(demo::progress, "reading", duration, signals::received);
            demo.stopMeters();
            showProgress(demo::progress, "draining", Duration.ofSeconds(120), () -> demo.drained() || signals.received());
            if (signals.received()) {
                // Stopped early: what is ledgered is kept (closing the demo commits it); the hops go on at the next start.
                out.println("stopped by " + signals.signal() + ": " + demo.progress() + "; a next demo on " + data
                        + " continues from here");
                out.flush();
                return EnergywebCommand.OK;
            }
            return summary(demo.finish(), out);
        }
    }

    /** demo --fleet: the whole fleet for --duration, drained, stopped and audited; a stop signal ends it early without an audit. */
    private int runFleet(PrintWriter out) throws InterruptedException {
        if (gateways < 1) {
            throw new CliError("--gateways must be at least 1");
        }
        try (StopSignals signals = StopSignals.onStop(signal -> { });
             FleetDemo demo = FleetDemo.start(data, new FleetDemo.Fleet(gateways, meters, period), printing(out))) {
            showProgress(demo::progress, "reading", duration, signals::received);
            if (!signals.received()) {
                demo.stopMeters();
                showProgress(demo::progress, "draining", Duration.ofMinutes(5), () -> demo.drained() || signals.received());
            }
            if (signals.received()) {
                out.println("stopped by " + signals.signal() + ": " + demo.progress() + "; no audit");
                out.flush();
                return EnergywebCommand.OK;
            }
            return summary(demo.finish(), out);
        }
    }

    private static java.util.function.Consumer<String> printing(PrintWriter out) {
        return line -> {
            out.println(line);
            out.flush();
        };
    }

    private static int summary(DemoReport report, PrintWriter out) {
        report.print(out);
        out.flush();
        return report.ok() ? EnergywebCommand.OK : EnergywebCommand.CHECK_FAILED;
    }

    private static void showProgress(java.util.function.Supplier<String> progress, String task, Duration limit, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        long totalMillis = limit.toMillis();
        long start = System.nanoTime();
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(1, totalMillis / 1000))
                .setUnit("s", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .build()) {
            long elapsed;
            while ((elapsed = (System.nanoTime() - start) / 1_000_000) < totalMillis && !done.getAsBoolean()) {
                bar.stepTo(elapsed / 1000);
                bar.setExtraMessage(" " + progress.get());
                Thread.sleep(Math.min(250, totalMillis - elapsed));
            }
            bar.setExtraMessage(" " + progress.get());
            bar.stepTo(bar.getMax());
        }
    }
}
