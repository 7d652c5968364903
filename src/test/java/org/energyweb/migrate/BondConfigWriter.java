package org.energyweb.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes an ew-link-bond configuration file the way the original's users did, in Python: {@code json.dump} with its
 * defaults (separators ", " and ": ", non-ASCII escaped as \\uXXXX).
 */
public final class BondConfigWriter {

    private BondConfigWriter() {
    }

    /** Writes the configuration {@code json} (any JSON text) to {@code file} with Python's json.dump. */
    public static void write(Path file, String json) throws IOException, InterruptedException {
        Process python = new ProcessBuilder("/usr/bin/python3", "-c",
                "import json, sys\nwith open(sys.argv[1], 'w') as file:\n    json.dump(json.loads(sys.argv[2]), file)\n",
                file.toString(), json).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0) {
            throw new IllegalStateException("python3 failed: " + out);
        }
    }

    /**
     * The test configuration: two producers of different kinds (an Energy API v1 device with a carbon-emission
     * source, an Eumel v2.1.1 logger), a simulated consumer, each with its plain-text key, and a producer whose
     * meter kind Energyweb does not read. The meters' URLs are a loopback port nothing listens on; {@code rpc} is the chain's.
     */
    public static String sample(String[] keys, String[] addresses, String rpc) {
        return """
                {"producers": [
                  {"name": "Solar Dach Süd",
                   "energy-meter": {"module": "energyweb.eds.energy_api", "class_name": "BondAPIv1",
                     "class_parameters": {"base_url": "http://127.0.0.1:9", "source": "produced", "device_id": 7,
                                          "user": "bond", "password": "api-secret-1"}},
                   "carbon-emission": {"module": "energyweb.carbonemission", "class_name": "WattimeV1",
                     "class_parameters": {"usr": "energyweb", "pwd": "wt-secret-2", "ba": "FR", "hours_from_now": 24}},
                   "smart-contract": {"module": "energyweb.smart_contract.origin_v1", "class_name": "OriginProducer",
                     "class_parameters": {"asset_id": 0, "wallet_add": "%s", "wallet_pwd": "%s", "client_url": "%s"}}},
                  {"name": "eumel-roof",
                   "energy-meter": {"module": "energyweb.eds.eumel", "class_name": "DataLoggerV2d1d1",
                     "class_parameters": {"ip": "http://127.0.0.1:9", "user": "admin", "password": "eumel-secret-3"}},
                   "smart-contract": {"module": "energyweb.smart_contract.origin_v1", "class_name": "OriginProducer",
                     "class_parameters": {"asset_id": 1, "wallet_add": "%s", "wallet_pwd": "%s", "client_url": "%s"}}},
                  {"name": "fronius",
                   "energy-meter": {"module": "energyweb.eds.fronius", "class_name": "FroniusSolarAPI",
                     "class_parameters": {"ip": "http://127.0.0.1:9"}},
                   "smart-contract": {"module": "energyweb.smart_contract.origin_v1", "class_name": "OriginProducer",
                     "class_parameters": {"asset_id": 2, "wallet_add": "%s", "wallet_pwd": "%s", "client_url": "%s"}}}],
                 "consumers": [
                  {"name": "household",
                   "energy-meter": {"module": "energyweb.eds.simulator", "class_name": "EnergyMeterSimulator", "class_parameters": {}},
                   "smart-contract": {"module": "energyweb.smart_contract.origin_v1", "class_name": "OriginConsumer",
                     "class_parameters": {"asset_id": 0, "wallet_add": "%s", "wallet_pwd": "%s", "client_url": "%s"}}}]}
                """.formatted(addresses[0], keys[0], rpc, addresses[1], keys[1], rpc, addresses[3], keys[3], rpc, addresses[2], keys[2], rpc);
    }
}
