package org.energyweb.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

import java.math.BigInteger;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps the entries of an ew-link-bond configuration ({@link BondConfig}) onto Energyweb: per entry one YAML route
 * (the meter's source kamelet, the ledger, the Origin release A sink), its non-secret settings as properties, and the
 * plain-text private key it signed with, to be imported into a keystore. Secrets are never carried into the plan's
 * routes or properties: HTTP passwords become environment-variable placeholders, keys become keystores.
 * An entry that cannot be mapped is left out whole and reported with its reason.
 */
public final class BondConfigMigration {

    /** A private key found in the configuration, for {@code meter}'s keystore; {@code address} is its account. */
    public record KeyImport(String meter, Path keystore, ECKeyPair key, String address) {
        @Override
        public String toString() {
            return "KeyImport[" + meter + ", " + keystore + ", " + address + "]";
        }
    }

    /**
     * What the migration writes and says: {@code routes} (YAML route definitions), {@code properties} (key to value;
     * a null value is a setting the original's file did not hold, written commented out), the keys to import,
     * what was carried over, what was not (each "name: reason") and what the user still has to do.
     */
    public record Plan(List<Map<String, Object>> routes, Map<String, String> properties, List<KeyImport> keys,
                       List<String> carried, List<String> notCarried, List<String> todo) {
    }

    private static final Pattern PRIVATE_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private BondConfigMigration() {
    }

    /**
     * The plan for {@code entries}; keystores are planned in {@code keysDir}. The routes unlock them with
     * {@code passwordFile} when given (its path is a setting, not a secret), else with the environment variable
     * {@link org.energyweb.chain.keys.KeyPassword#ENVIRONMENT_VARIABLE}, as the migration encrypted them.
     */
    public static Plan plan(List<BondConfig.Entry> entries, Path keysDir, Path passwordFile) {
        Plan plan = new Plan(new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        Set<String> meters = new HashSet<>();
        for (BondConfig.Entry entry : entries) {
            try {
                map(entry, keysDir, passwordFile != null, meters, plan);
            } catch (Unmappable e) {
                plan.notCarried().add(entry.label() + ": " + e.getMessage());
            }
        }
        if (passwordFile != null && !plan.keys().isEmpty()) {
            plan.properties().put("energyweb.origin.passwordFile", passwordFile.toAbsolutePath().toString());
        }
        for (String registry : List.of("producing", "consuming")) {
            String key = "energyweb.origin." + registry;
            if (plan.routes().stream().anyMatch(route -> route.toString().contains("{{" + key + "}}")) && !plan.properties().containsKey(key)) {
                // The original took the registry addresses from its own contract modules, not from the configuration.
                plan.properties().put(key, null);
                plan.todo().add("set " + key + " to the address of the Asset" + (registry.equals("producing") ? "Producing" : "Consuming")
                        + "Registry contract (the original's configuration did not name it)");
            }
        }
        return plan;
    }

    private static void map(BondConfig.Entry entry, Path keysDir, boolean passwordFile, Set<String> meters, Plan plan) throws Unmappable {
        JsonNode item = entry.item();
        if (!item.isObject()) {
            throw new Unmappable("not a JSON object");
        }
        String meter = meterId(text(item, "name", "the entry"));
        if (!meters.add(meter)) {
            throw new Unmappable("meter id " + meter + " is already taken by an earlier entry");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> todo = new ArrayList<>();
        Map<String, Object> source = source(part(item, "energy-meter"), meter, properties, todo);
        String sourceMeter = (String) source.remove(METER);
        Map<String, Object> sink = sink(part(item, "smart-contract"), entry.role(), sourceMeter, keysDir, properties, plan);
        if (passwordFile) {
            @SuppressWarnings("unchecked")
            Map<String, Object> sinkParameters = (Map<String, Object>) sink.get("parameters");
            sinkParameters.put("passwordFile", "{{energyweb.origin.passwordFile}}");
        }
        List<String> notCarried = new ArrayList<>();
        if (item.has("carbon-emission")) {
            // Energyweb has no carbon-intensity source; the producer is carried over without one.
            notCarried.add(entry.label() + ": carbon-emission " + item.path("carbon-emission").path("class_name").asText("(no class_name)")
                    + " is not carried over: Energyweb has no carbon-emission source (the producer's readings are)");
        }
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("id", "bond-" + meter);
        route.put("from", Map.of("uri", source.remove("uri"), "parameters", source, "steps", List.of(
                Map.of("to", Map.of("uri", "kamelet:ledger-append-action", "parameters", Map.of("dataDir", "{{energyweb.data}}"))),
                Map.of("to", sink))));
        plan.routes().add(Map.of("route", route));
        plan.properties().putAll(properties);
        plan.todo().addAll(todo);
        plan.notCarried().addAll(notCarried);
        plan.carried().add(entry.label() + " -> meter " + sourceMeter + " (" + ((String) route.get("id")) + ", "
                + entry.role().name().toLowerCase(Locale.ROOT) + ")");
    }

    /** The key of {@link #source}'s answer that holds the meter id its readings carry (not a kamelet parameter). */
    private static final String METER = "#meter";

    /** The source kamelet's uri and parameters (and {@link #METER}) for the energy-meter part. */
    private static Map<String, Object> source(JsonNode part, String meter, Map<String, String> properties, List<String> todo) throws Unmappable {
        String className = part.path("class_name").asText();
        JsonNode parameters = part.path("class_parameters");
        Map<String, Object> source = new LinkedHashMap<>();
        String prefix = "energyweb.meter." + meter + ".";
        switch (className) {
            case "BondAPIv1", "OriginAPIv1" -> {
                source.put("uri", "kamelet:energy-api-source");
                source.put(METER, meter);
                source.put("meterId", meter);
                properties.put(prefix + "url", text(parameters, parameters.has("url") ? "url" : "base_url", "energy-meter"));
                source.put("baseUrl", "{{" + prefix + "url}}");
                source.put("apiVersion", "v1");
                properties.put(prefix + "device", scalar(parameters, "device_id", "energy-meter"));
                source.put("deviceId", "{{" + prefix + "device}}");
                String direction = text(parameters, "source", "energy-meter");
                if (!direction.equals("produced") && !direction.equals("consumed")) {
                    throw new Unmappable("energy-meter source is '" + direction + "', not produced or consumed");
                }
                source.put("direction", direction);
            }
            case "DataLoggerV1", "DataLoggerV2d1d1" -> {
                source.put("uri", "kamelet:eumel-source");
                source.put(METER, meter);
                source.put("meterId", meter);
                properties.put(prefix + "url", text(parameters, "ip", "energy-meter"));
                source.put("baseUrl", "{{" + prefix + "url}}");
                source.put("version", className.equals("DataLoggerV1") ? "1" : "2.1.1");
            }
            case "EnergyMeterSimulator" -> {
                // The simulator names its meters prefix + 1..count: one meter, <name>-1.
                source.put("uri", "kamelet:simulated-meter-source");
                source.put(METER, meter + "-1");
                source.put("groupName", meter);
                source.put("meterCount", 1);
                source.put("meterPrefix", meter + "-");
                return source;
            }
            default -> throw new Unmappable("energy-meter class " + (className.isEmpty() ? "(no class_name)" : className)
                    + " has no Energyweb source (known: BondAPIv1/OriginAPIv1 -> energy-api-source, DataLoggerV1/DataLoggerV2d1d1 -> eumel-source,"
                    + " EnergyMeterSimulator -> simulated-meter-source)");
        }
        if (!parameters.path("user").asText("").isEmpty()) {
            properties.put(prefix + "user", parameters.path("user").asText());
            source.put("user", "{{" + prefix + "user}}");
        }
        if (!parameters.path("password").asText("").isEmpty()) {
            String variable = "ENERGYWEB_METER_" + meter.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_PASSWORD";
            source.put("password", "{{env:" + variable + "}}");
            todo.add("set the environment variable " + variable + " to the HTTP password of meter " + meter
                    + " (it was in the plain-text configuration and is not copied)");
        }
        return source;
    }

    /** The origin-meter-read-sink step for the smart-contract part; plans the import of its private key. */
    private static Map<String, Object> sink(JsonNode part, BondConfig.Role role, String meter, Path keysDir,
                                            Map<String, String> properties, Plan plan) throws Unmappable {
        String className = part.path("class_name").asText();
        String registry = switch (className) {
            case "OriginProducer" -> "producing";
            case "OriginConsumer" -> "consuming";
            default -> throw new Unmappable("smart-contract class " + (className.isEmpty() ? "(no class_name)" : className)
                    + " has no Energyweb sink (known: OriginProducer, OriginConsumer of Origin release A)");
        };
        if (registry.equals("producing") != (role == BondConfig.Role.PRODUCER)) {
            throw new Unmappable("smart-contract " + className + " in the " + role.name().toLowerCase(Locale.ROOT) + " list");
        }
        JsonNode parameters = part.path("class_parameters");
        JsonNode assetId = parameters.path("asset_id");
        if (!assetId.canConvertToLong() || assetId.asLong() < 0) {
            throw new Unmappable("smart-contract asset_id is missing or not a whole number");
        }
        String rpc = text(parameters, "client_url", "smart-contract");
        String secret = parameters.path("wallet_pwd").asText("");
        if (!PRIVATE_KEY.matcher(secret).matches()) {
            throw new Unmappable("smart-contract wallet_pwd is " + (secret.isEmpty() ? "missing" : "not a private key (an account password of the node)")
                    + ": create the smart meter's key with `energyweb keys create` and make it the asset's smart meter");
        }
        ECKeyPair key = ECKeyPair.create(new BigInteger(secret.startsWith("0x") ? secret.substring(2) : secret, 16));
        String address = "0x" + Keys.getAddress(key);
        String walletAddress = parameters.path("wallet_add").asText("");
        if (ADDRESS.matcher(walletAddress).matches() && !walletAddress.equalsIgnoreCase(address)) {
            throw new Unmappable("smart-contract wallet_add " + walletAddress + " is not the account of the key in wallet_pwd");
        }
        String prefix = "energyweb.meter." + meter + ".";
        Path keystore = keysDir.resolve(meter + ".json");
        plan.keys().add(new KeyImport(meter, keystore, key, address));
        if (ADDRESS.matcher(parameters.path("contract_address").asText("")).matches()) {
            properties.put("energyweb.origin." + registry, parameters.path("contract_address").asText());
        }
        properties.put("energyweb.asset." + meter, assetId.asText());
        properties.put(prefix + "rpc", rpc);
        properties.put(prefix + "keystore", keystore.toString());
        Map<String, Object> sinkParameters = new LinkedHashMap<>();
        sinkParameters.put("registry", registry);
        sinkParameters.put("assetId", "{{energyweb.asset." + meter + "}}");
        sinkParameters.put("rpcUrl", "{{" + prefix + "rpc}}");
        sinkParameters.put("contract", "{{energyweb.origin." + registry + "}}");
        sinkParameters.put("keystore", "{{" + prefix + "keystore}}");
        sinkParameters.put("dataDir", "{{energyweb.data}}");
        return Map.of("uri", "kamelet:origin-meter-read-sink", "parameters", sinkParameters);
    }

    /** A ledger meter id (letters, digits, '.', '-', '_') from an entry name: accents dropped, anything else '-'. */
    static String meterId(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.trim().replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    private static JsonNode part(JsonNode item, String name) throws Unmappable {
        JsonNode part = item.path(name);
        if (!part.isObject()) {
            throw new Unmappable("no " + name);
        }
        return part;
    }

    private static String text(JsonNode node, String field, String where) throws Unmappable {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Unmappable(where + " has no " + field);
        }
        return value.asText();
    }

    private static String scalar(JsonNode node, String field, String where) throws Unmappable {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            throw new Unmappable(where + " has no " + field);
        }
        return value.asText();
    }

    /** Why an entry cannot be carried over; never holds a secret. */
    private static final class Unmappable extends Exception {
        Unmappable(String reason) {
            super(reason, null, false, false);
        }
    }
}
