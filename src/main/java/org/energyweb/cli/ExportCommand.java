package org.energyweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ledger.Ledger;
import org.energyweb.reading.Reading;
import org.energyweb.reading.ReadingDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes every document byte-exact as OUT/<meter>/<seq>.json and an index OUT/index.jsonl "
                + "with meter, seq, sha256, prev and the document's CIDv1 (raw, sha2-256, base32).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exported", "2:usage or I/O error"})
class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", required = true, description = "The folder to write to (created if missing).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(data.resolve("ledger.db"))) {
            throw new CliError("no ledger in " + data.toAbsolutePath());
        }
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        AtomicLong exported = new AtomicLong();
        try (Ledger ledger = Ledger.open(data);
             BufferedWriter index = Files.newBufferedWriter(out.resolve("index.jsonl"), StandardCharsets.UTF_8)) {
            ledger.forEachByMeter(entry -> {
                ReadingDocument document = entry.document();
                Reading reading = document.reading();
                try {
                    Path folder = Files.createDirectories(out.resolve(reading.meter()));
                    Files.write(folder.resolve(reading.seq() + ".json"), document.bytes());
                    ObjectNode line = json.createObjectNode()
                            .put("meter", reading.meter())
                            .put("seq", reading.seq())
                            .put("sha256", document.sha256Hex())
                            .put("prev", reading.prev())
                            .put("cid", Cid.ofRawSha256(document.sha256()).toString());
                    index.write(json.writeValueAsString(line));
                    index.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                exported.incrementAndGet();
            });
        } catch (UncheckedIOException e) {
            throw new CliError("export to " + out.toAbsolutePath() + " failed: " + e.getCause().getMessage(), e);
        }
        spec.commandLine().getOut().printf("exported %d documents to %s%n", exported.get(), out.toAbsolutePath());
        return EnergywebCommand.OK;
    }
}
