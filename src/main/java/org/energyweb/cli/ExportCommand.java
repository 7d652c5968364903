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
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** Writes that fail on a symbolic link (O_NOFOLLOW), should one appear after {@link #notALink} looked. */
    private static final OpenOption[] NO_LINKS = {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS};

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(data.resolve("ledger.db"))) {
            throw new CliError("no ledger in " + data.toAbsolutePath());
        }
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        AtomicLong exported = new AtomicLong();
        try (Ledger ledger = Ledger.open(data);
             BufferedWriter index = Files.newBufferedWriter(notALink(out.resolve("index.jsonl")), StandardCharsets.UTF_8, NO_LINKS)) {
            ledger.forEachByMeter(entry -> {
                ReadingDocument document = entry.document();
                Reading reading = document.reading();
                try {
                    Path folder = Files.createDirectories(notALink(out.resolve(reading.meter())));
                    Files.write(notALink(folder.resolve(reading.seq() + ".json")), document.bytes(), NO_LINKS);
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
        spec.commandLine().getOut().printf("exported %s to %s%n", Plural.of(exported.get(), "document"), out.toAbsolutePath());
        return EnergywebCommand.OK;
    }

    /**
     * {@code path} inside --out, refused when it is a symbolic link: a link left in the folder (by
     * mistake or on purpose) would make export overwrite a file elsewhere.
     */
    private Path notALink(Path path) {
        if (Files.isSymbolicLink(path)) {
            throw new CliError("refusing to write through the symbolic link " + path.toAbsolutePath()
                    + ": export writes only inside " + out.toAbsolutePath() + "; remove the link or choose an empty --out");
        }
        return path;
    }
}
