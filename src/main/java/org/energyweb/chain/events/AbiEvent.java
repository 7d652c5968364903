package org.energyweb.chain.events;

import org.energyweb.chain.rpc.Log;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.utils.Numeric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event known by its ABI signature with names, such as
 * {@code Transfer(address indexed from, address indexed to, uint256 value)}: its topic and a
 * decoder from a log to named values. Any event can be listened to without generated code.
 */
public final class AbiEvent {

    private static final Pattern SIGNATURE = Pattern.compile("\\s*(\\w+)\\s*\\((.*)\\)\\s*");

    private record Parameter(String name, String type, boolean indexed, TypeReference<Type> reference) {
    }

    private final String name;
    private final List<Parameter> parameters;
    private final Event event;
    private final String topic;

    private AbiEvent(String name, List<Parameter> parameters) {
        this.name = name;
        this.parameters = parameters;
        this.event = new Event(name, parameters.stream().<TypeReference<?>>map(Parameter::reference).toList());
        this.topic = EventEncoder.encode(event);
    }

    /**
     * Parses {@code Name(type [indexed] [name], ...)}; unnamed parameters are called {@code arg0}, {@code arg1}...
     *
     * @throws IllegalArgumentException naming what could not be read
     */
    public static AbiEvent parse(String signature) {
        Matcher matcher = SIGNATURE.matcher(signature);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an event signature like Name(uint256 indexed id, bytes32 hash): " + signature);
        }
        List<Parameter> parameters = new ArrayList<>();
        String list = matcher.group(2).trim();
        if (!list.isEmpty()) {
            for (String part : list.split(",")) {
                parameters.add(parameter(part.trim().split("\\s+"), parameters.size(), signature));
            }
        }
        return new AbiEvent(matcher.group(1), List.copyOf(parameters));
    }

    @SuppressWarnings("unchecked")
    private static Parameter parameter(String[] words, int index, String signature) {
        if (words.length == 0 || words.length > 3 || words[0].isEmpty()) {
            throw new IllegalArgumentException("cannot read parameter " + index + " of " + signature);
        }
        boolean indexed = words.length > 1 && words[1].equals("indexed");
        String name = words.length == 3 ? words[2] : (words.length == 2 && !indexed ? words[1] : "arg" + index);
        if (words.length == 3 && !indexed) {
            throw new IllegalArgumentException("parameter " + index + " of " + signature + ": expected 'type indexed name'");
        }
        String type = words[0].equals("uint") ? "uint256" : words[0].equals("int") ? "int256" : words[0];
        try {
            TypeReference<Type> reference = (TypeReference<Type>) (TypeReference<?>) TypeReference.makeTypeReference(type, indexed, false);
            return new Parameter(name, type, indexed, reference);
        } catch (UnsupportedOperationException | ClassNotFoundException | IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter " + index + " of " + signature + " has an unknown type " + type);
        }
    }

    public String name() {
        return name;
    }

    /** topic0: the Keccak-256 of the canonical signature (types only). */
    public String topic() {
        return topic;
    }

    public String canonicalSignature() {
        return name + "(" + String.join(",", parameters.stream().map(Parameter::type).toList()) + ")";
    }

    public boolean matches(Log log) {
        return !log.topics().isEmpty() && log.topics().get(0).equalsIgnoreCase(topic);
    }

    /**
     * The log's values by parameter name, in declaration order: integers as {@link java.math.BigInteger},
     * bool as {@link Boolean}, addresses and byte values as 0x-hex strings, strings as strings.
     * An indexed dynamic value (string, bytes) is only its Keccak-256 hash in the topic, given as hex.
     */
    public Map<String, Object> decode(Log log) {
        if (!matches(log)) {
            throw new IllegalArgumentException("log " + log.transactionHash() + "#" + log.logIndex() + " is not " + canonicalSignature());
        }
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<Type> data = FunctionReturnDecoder.decode(log.data(), (List) event.getNonIndexedParameters());
        Map<String, Object> values = new LinkedHashMap<>();
        int topicIndex = 1;
        int dataIndex = 0;
        for (Parameter parameter : parameters) {
            if (parameter.indexed()) {
                String topicValue = log.topics().get(topicIndex++);
                values.put(parameter.name(), isDynamic(parameter.type())
                        ? topicValue
                        : plain(FunctionReturnDecoder.decodeIndexedValue(topicValue, parameter.reference())));
            } else {
                values.put(parameter.name(), plain(data.get(dataIndex++)));
            }
        }
        return values;
    }

    private static boolean isDynamic(String type) {
        return type.equals("string") || type.equals("bytes") || type.endsWith("]");
    }

    private static Object plain(Type<?> value) {
        if (value instanceof Address address) {
            return address.getValue();
        }
        if (value.getValue() instanceof byte[] bytes) {
            return Numeric.toHexString(bytes);
        }
        if (value instanceof DynamicBytes bytes) {
            return Numeric.toHexString(bytes.getValue());
        }
        return value.getValue();
    }

    @Override
    public String toString() {
        return canonicalSignature();
    }
}
