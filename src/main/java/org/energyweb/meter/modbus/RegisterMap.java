package org.energyweb.meter.modbus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.energyweb.reading.EnergyUnit;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The register layout of a meter that does not speak SunSpec, loaded from YAML (see
 * {@code config/maps/}). Every address is read against an explicitly stated base, because vendor
 * manuals mix 0- and 1-based numbering and guessing is the classic off-by-one.
 */
public final class RegisterMap {

    public static final String ENERGY_IMPORT = "energyImport";
    public static final String ENERGY_EXPORT = "energyExport";
    public static final String POWER = "power";

    private static final Set<String> TOP_LEVEL = Set.of("name", "manufacturer", "model", "addressBase", "table",
            "wordOrder", "byteOrder", "points");
    private static final Set<String> POINT_KEYS = Set.of("address", "addressBase", "type", "wordOrder", "byteOrder",
            "scale", "scaleFactorRegister", "unit");
    private static final Set<String> POINT_NAMES = Set.of(ENERGY_IMPORT, ENERGY_EXPORT, POWER);

    private final Path file;
    private final String manufacturer;
    private final String model;
    private final RegisterTable table;
    private final List<MapPoint> points;

    private RegisterMap(Path file, String manufacturer, String model, RegisterTable table, List<MapPoint> points) {
        this.file = file;
        this.manufacturer = manufacturer;
        this.model = model;
        this.table = table;
        this.points = List.copyOf(points);
    }

    public static RegisterMap load(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new RegisterMapException(file, "cannot be read as YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RegisterMapException(file, null, "expected a mapping with addressBase and points");
        }
        return new Parser(file).parse(root);
    }

    public Path file() {
        return file;
    }

    public String manufacturer() {
        return manufacturer;
    }

    public String model() {
        return model;
    }

    public RegisterTable table() {
        return table;
    }

    public List<MapPoint> points() {
        return points;
    }

    public MapPoint point(String name) {
        return points.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** Turns the YAML tree into points, failing on the first problem with the file and point named. */
    private static final class Parser {
        private final Path file;

        Parser(Path file) {
            this.file = file;
        }

        RegisterMap parse(JsonNode root) {
            rejectUnknownKeys(root, TOP_LEVEL, null);
            Integer base = addressBase(root.get("addressBase"), null);
            if (base == null) {
                throw new RegisterMapException(file, null, "addressBase is missing: state whether the addresses count from 0 or 1");
            }
            WordOrder wordOrder = parse(root, "wordOrder", null, WordOrder::parse, WordOrder.HIGH_FIRST);
            RegisterByteOrder byteOrder = parse(root, "byteOrder", null, RegisterByteOrder::parse, RegisterByteOrder.BIG);
            RegisterTable table = parse(root, "table", null, RegisterTable::parse, RegisterTable.HOLDING);
            JsonNode pointsNode = root.get("points");
            if (pointsNode == null || !pointsNode.isObject() || pointsNode.get(ENERGY_IMPORT) == null) {
                throw new RegisterMapException(file, null, "points must hold at least " + ENERGY_IMPORT);
            }
            List<MapPoint> points = new ArrayList<>();
            for (Iterator<String> names = pointsNode.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!POINT_NAMES.contains(name)) {
                    throw new RegisterMapException(file, name, "unknown point (expected " + ENERGY_IMPORT + ", " + ENERGY_EXPORT + " or " + POWER + ")");
                }
                points.add(point(name, pointsNode.get(name), base, wordOrder, byteOrder));
            }
            return new RegisterMap(file, text(root, "manufacturer"), text(root, "model"), table, points);
        }

        private MapPoint point(String name, JsonNode node, int mapBase, WordOrder wordOrder, RegisterByteOrder byteOrder) {
            if (node == null || !node.isObject()) {
                throw new RegisterMapException(file, name, "expected a mapping with address, type and unit");
            }
            rejectUnknownKeys(node, POINT_KEYS, name);
            Integer pointBase = addressBase(node.get("addressBase"), name);
            int base = pointBase != null ? pointBase : mapBase;
            int address = address(node.get("address"), base, name, "address");
            RegisterType type = parse(node, "type", name, RegisterType::parse, null);
            if (type == null) {
                throw new RegisterMapException(file, name, "type is missing");
            }
            if (address + type.registers() > 65536) {
                throw new RegisterMapException(file, name, "a " + type.name().toLowerCase() + " at " + address + " runs past register 65535");
            }
            BigDecimal scale = scale(node.get("scale"), name);
            Integer scaleFactorAddress = node.has("scaleFactorRegister")
                    ? address(node.get("scaleFactorRegister"), base, name, "scaleFactorRegister") : null;
            if (scale != null && scaleFactorAddress != null) {
                throw new RegisterMapException(file, name, "give either scale or scaleFactorRegister, not both");
            }
            return new MapPoint(name, address, type,
                    parse(node, "wordOrder", name, WordOrder::parse, wordOrder),
                    parse(node, "byteOrder", name, RegisterByteOrder::parse, byteOrder),
                    scale != null ? scale : BigDecimal.ONE, scaleFactorAddress, unitFactor(node.get("unit"), name));
        }

        private BigDecimal unitFactor(JsonNode unit, String point) {
            if (unit == null || !unit.isTextual()) {
                throw new RegisterMapException(file, point, POWER.equals(point)
                        ? "unit is missing (W or kW)" : "unit is missing (Wh, kWh or MWh): kWh read as Wh is off by 1000");
            }
            if (POWER.equals(point)) {
                switch (unit.asText().trim()) {
                    case "W":
                        return BigDecimal.ONE;
                    case "kW":
                        return BigDecimal.valueOf(1000);
                    default:
                        throw new RegisterMapException(file, point, "unknown power unit '" + unit.asText() + "' (expected W or kW)");
                }
            }
            try {
                return EnergyUnit.parse(unit.asText()).toWattHours(BigDecimal.ONE);
            } catch (IllegalArgumentException e) {
                throw new RegisterMapException(file, point, e.getMessage());
            }
        }

        private Integer addressBase(JsonNode node, String point) {
            if (node == null) {
                return null;
            }
            if (!node.isInt() || (node.asInt() != 0 && node.asInt() != 1)) {
                throw new RegisterMapException(file, point, "addressBase must be 0 or 1, was " + node);
            }
            return node.asInt();
        }

        private int address(JsonNode node, int base, String point, String key) {
            if (node == null || !node.isInt()) {
                throw new RegisterMapException(file, point, key + " must be a whole number, was " + node);
            }
            int zeroBased = node.asInt() - base;
            if (zeroBased < 0 || zeroBased > 65535) {
                throw new RegisterMapException(file, point, key + " " + node.asInt() + " is outside the registers of base " + base
                        + " (" + base + ".." + (65535 + base) + ")");
            }
            return zeroBased;
        }

        private BigDecimal scale(JsonNode node, String point) {
            if (node == null) {
                return null;
            }
            if (!node.isNumber() || node.decimalValue().signum() <= 0) {
                throw new RegisterMapException(file, point, "scale must be a positive number, was " + node);
            }
            return new BigDecimal(node.asText());
        }

        private <T> T parse(JsonNode node, String key, String point, java.util.function.Function<String, T> parser, T fallback) {
            JsonNode value = node.get(key);
            if (value == null) {
                return fallback;
            }
            try {
                return parser.apply(value.asText());
            } catch (IllegalArgumentException e) {
                throw new RegisterMapException(file, point, key + ": " + e.getMessage());
            }
        }

        private void rejectUnknownKeys(JsonNode node, Set<String> known, String point) {
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!known.contains(key)) {
                    throw new RegisterMapException(file, point, "unknown key '" + key + "' (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
            }
        }

        private static String text(JsonNode node, String key) {
            JsonNode value = node.get(key);
            return value == null ? null : value.asText();
        }
    }
}
