package org.energyweb.migrate.cli;

import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.VerifyReport;
import org.energyweb.migrate.BondStore;
import org.energyweb.migrate.BondStoreImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code migrate bond-store DIR --meter M --data D}: checks an ew-link-bond storage folder's chain and imports it as
 * the meter's prehistory, then verifies the ledger. A folder with breaks is only imported with {@code --accept-breaks}.
 */
@Command(name = "bond-store", mixinStandardHelpOptions = true,
        description = "Check an ew-link-bond storage folder (files chained by previous_hash = 'Qm' + base58(SHA-1 of the previous file)), "
                + "report every break, and import its readings as the meter's prehistory, each recorded with its old file hash.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:imported and the ledger verifies", "1:the folder's chain is broken (nothing imported without --accept-breaks), "
                + "or the ledger does not verify", "2:usage or I/O error"})
public class BondStoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ew-link-bond storage folder.")
    Path dir;

    @Option(names = "--meter", required = true, description = "The meter whose chain receives the history.")
    String meter;

    @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--zone", defaultValue = "UTC", description = "The time zone the old gateway ran in: its file names are its local time "
            + "(default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--accept-breaks", description = "Import even when the folder's chain is broken (the breaks are still reported).")
    boolean acceptBreaks;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BondStore.Report report = BondStore.read(dir, zone);
        out.println(report.records().size() + " files in " + dir);
        report.breaks().forEach(problem -> out.println("break: " + problem));
        if (!report.breaks().isEmpty() && !acceptBreaks) {
            out.println("nothing imported: the chain has " + report.breaks().size() + " break(s); --accept-breaks imports it anyway");
            return 1;
        }
        List<String> skipped;
        try (Ledger ledger = Ledger.open(data)) {
            skipped = BondStoreImport.into(ledger, meter, report.records());
        }
        skipped.forEach(reason -> out.println("skipped: " + reason));
        VerifyReport verified = LedgerVerifier.verify(data);
        out.println("imported " + (report.records().size() - skipped.size()) + " readings into meter " + meter
                + "; ledger " + (verified.ok() ? "verifies" : "does NOT verify: " + verified.problems()));
        return verified.ok() ? 0 : 1;
    }
}
