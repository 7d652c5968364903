package org.energyweb.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.VerifyReport;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.reading.ChainHead;
import org.energyweb.reading.Sha256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the whole pipeline on embedded defaults (simulated meters into the ledger) with a live progress display, then verifies the ledger and prints a summary. An existing data folder is continued, not started over.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run ended with a verified ledger", "1:the ledger did not verify", "2:usage or I/O error"})
class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--meters", defaultValue = "3", description = "How many simulated meters (default: ${DEFAULT-VALUE}).")
    int meters;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to run, e.g. 30s, 5m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--period", defaultValue = "200ms", converter = DurationConverter.class,
            description = "Time between two readings of a meter (default: ${DEFAULT-VALUE}).")
    Duration period;

    @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (meters < 1) {
            throw new CliError("--meters must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        AtomicLong ledgered = new AtomicLong();
        long before;
        try (Ledger ledger = Ledger.open(data)) {
            before = ledger.size();
            out.printf("Energyweb demo: %d simulated meters, a reading each %d ms, for %s; ledger in %s (%d readings already)%n",
                    meters, period.toMillis(), human(duration), ledger.dataDir(), before);
            out.flush();
            CamelContext camel = new DefaultCamelContext();
            camel.getComponent("ledger", LedgerComponent.class).setLedger(ledger);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("simulator:demo?meterCount=" + meters + "&meterPrefix=demo-&delay=" + period.toMillis())
                            .routeId("demo-meters")
                            .to("ledger:append")
                            .process(exchange -> ledgered.incrementAndGet());
                }
            });
            camel.start();
            try {
                showProgress(ledgered);
            } finally {
                camel.stop();
            }
            printSummary(out, ledger.heads(), ledgered.get(), ledger.deadLetters().count());
        }
        VerifyReport report = LedgerVerifier.verify(data);
        report.problems().forEach(problem -> out.println("TAMPERED " + problem));
        out.printf("Ledger %s: %d documents of %d meters, %s%n", report.ok() ? "verified" : "FAILED verification",
                report.documents(), report.meters(), report.ok() ? "every hash and link checks out" : report.problems().size() + " problem(s)");
        out.flush();
        return report.ok() ? EnergywebCommand.OK : EnergywebCommand.CHECK_FAILED;
    }

    private void showProgress(AtomicLong ledgered) throws InterruptedException {
        long totalMillis = duration.toMillis();
        long start = System.nanoTime();
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("demo")
                .setInitialMax(Math.max(1, totalMillis / 1000))
                .setUnit("s", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .build()) {
            long elapsed;
            while ((elapsed = (System.nanoTime() - start) / 1_000_000) < totalMillis) {
                bar.stepTo(elapsed / 1000);
                long count = ledgered.get();
                bar.setExtraMessage(String.format(" %d readings ledgered (%.0f/s)", count, count * 1000.0 / Math.max(1, elapsed)));
                Thread.sleep(Math.min(250, totalMillis - elapsed));
            }
            bar.stepTo(bar.getMax());
        }
    }

    private static void printSummary(PrintWriter out, Map<String, ChainHead> heads, long ledgered, long deadLetters) {
        out.printf("%nThis run ledgered %d readings; %d dead letter(s) in the store.%n", ledgered, deadLetters);
        out.printf("%-10s %8s %14s  %s%n", "meter", "readings", "register (Wh)", "head (SHA-256)");
        for (ChainHead head : new TreeMap<>(heads).values()) {
            out.printf("%-10s %8d %14d  %s%n", head.meter(), head.seq() + 1, head.energyWh(), Sha256.hex(head.sha256()));
        }
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
