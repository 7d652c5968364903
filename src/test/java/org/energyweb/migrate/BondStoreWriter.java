package org.energyweb.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes an ew-link-bond storage folder the way the original did, in Python: each reading a producer dict
 * written with {@code json.dump} defaults to a file named by local time ({@code %Y-%m-%d-%H:%M:%S.json}), its
 * {@code previous_hash} 'Qm' + base58(SHA-1 of the previous file's bytes), '0x0' for the first.
 */
public final class BondStoreWriter {

    private static final String SCRIPT = """
            import hashlib, json, os, sys
            ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
            def b58(data):
                n = int.from_bytes(data, 'big')
                out = ''
                while n > 0:
                    n, r = divmod(n, 58)
                    out = ALPHABET[r] + out
                return '1' * (len(data) - len(data.lstrip(b'\\0'))) + out
            folder, broken = sys.argv[1], sys.argv[2]
            previous = '0x0'
            for spec in sys.argv[3:]:
                name, value, down = spec.split(',')
                data = {'value': int(value), 'is_meter_down': down == 'true', 'previous_hash': previous,
                        'co2_saved': 0, 'is_co2_down': True}
                if name == broken:
                    data['previous_hash'] = 'Qm' + b58(hashlib.sha1(b'a file that was lost').digest())
                path = os.path.join(folder, name + '.json')
                with open(path, 'w+') as file:
                    json.dump(data, file)
                previous = 'Qm' + b58(hashlib.sha1(open(path, 'rb').read()).digest())
            """;

    private BondStoreWriter() {
    }

    /**
     * @param broken  the name of a file whose previous_hash points at a file that is not there, or "" for none
     * @param entries each {@code "YYYY-MM-DD-hh:mm:ss,value,down"}
     */
    public static void write(Path folder, String broken, String... entries) throws IOException, InterruptedException {
        String[] command = new String[5 + entries.length];
        command[0] = "/usr/bin/python3";
        command[1] = "-c";
        command[2] = SCRIPT;
        command[3] = folder.toString();
        command[4] = broken;
        System.arraycopy(entries, 0, command, 5, entries.length);
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0) {
            throw new IllegalStateException("python3 failed: " + out);
        }
    }
}
