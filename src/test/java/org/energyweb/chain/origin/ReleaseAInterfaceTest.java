package org.energyweb.chain.origin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.crypto.Hash;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiled contracts speak release A's meter-read interface byte for byte (selectors and topics from the reference). */
class ReleaseAInterfaceTest {

    private static final byte[] HASH = new byte[32];

    @Test
    void producingRegistryAbiHasReleaseASelectorsAndTopic() {
        JsonNode abi = ContractArtifact.PRODUCING.abi();
        assertThat(selector(abi, "saveSmartMeterRead")).isEqualTo("0x2bc32e11");
        assertThat(selector(abi, "getLastSmartMeterReadFileHash")).isEqualTo("0xf7105c05");
        assertThat(selector(abi, "getAssetGeneral")).isEqualTo("0xade1e992");
        assertThat(topic(abi, "LogNewMeterRead")).isEqualTo("0xe45acadd06cd9b354bd940dd24cd458d64a46ff62f06dbcbc65e6474f73c4a8e");
    }

    @Test
    void consumingRegistryAbiHasReleaseASelectorsAndTopic() {
        JsonNode abi = ContractArtifact.CONSUMING.abi();
        assertThat(selector(abi, "saveSmartMeterRead")).isEqualTo("0x7715ad90");
        assertThat(selector(abi, "getLastSmartMeterReadFileHash")).isEqualTo("0xf7105c05");
        assertThat(selector(abi, "getAssetGeneral")).isEqualTo("0xade1e992");
        assertThat(topic(abi, "LogNewMeterRead")).isEqualTo("0xa0ab5f173b69a28f81848a665a77213faedda299f939f047032c1e714ce6e94b");
    }

    @Test
    void getAssetGeneralReturnsReleaseAFieldsInOrder() {
        assertThat(outputs(ContractArtifact.PRODUCING.abi(), "getAssetGeneral")).containsExactly(
                "address smartMeter", "address owner", "uint256 operationalSince", "uint256 lastSmartMeterReadWh",
                "bool active", "bytes32 lastSmartMeterReadFileHash");
        assertThat(outputs(ContractArtifact.CONSUMING.abi(), "getAssetGeneral")).containsExactly(
                "address smartMeter", "address owner", "uint256 operationalSince", "uint256 capacityWh", "bool maxCapacitySet",
                "uint256 lastSmartMeterReadWh", "uint256 certificatesUsedForWh", "bool active", "bytes32 lastSmartMeterReadFileHash");
    }

    @Test
    void bothRegistriesHaveReleaseAOnboardingSignatures() {
        assertThat(signatures(ContractArtifact.PRODUCING.abi())).contains("createAsset()", "setActive(uint256,bool)",
                "initGeneral(uint256,address,address,uint256,bool)", "LogAssetCreated(address,uint256)");
        assertThat(signatures(ContractArtifact.CONSUMING.abi())).contains("createAsset()", "setActive(uint256,bool)",
                "initGeneral(uint256,address,address,uint256,uint256,bool,bool)", "LogAssetCreated(address,uint256)");
    }

    @Test
    void handWrittenBindingsEncodeTheSameSelectorsAndTopics() {
        assertThat(FunctionEncoder.encode(Registry.PRODUCING.saveSmartMeterRead(BigInteger.ONE, 1, false, HASH))).startsWith("0x2bc32e11");
        assertThat(FunctionEncoder.encode(Registry.CONSUMING.saveSmartMeterRead(BigInteger.ONE, 1, false, HASH))).startsWith("0x7715ad90");
        assertThat(FunctionEncoder.encode(Registry.getLastSmartMeterReadFileHash(BigInteger.ONE))).startsWith("0xf7105c05");
        assertThat(FunctionEncoder.encode(Registry.getAssetGeneral(BigInteger.ONE))).startsWith("0xade1e992");
        assertThat(Registry.PRODUCING.newMeterReadEvent().topic()).isEqualTo(topic(ContractArtifact.PRODUCING.abi(), "LogNewMeterRead"));
        assertThat(Registry.CONSUMING.newMeterReadEvent().topic()).isEqualTo(topic(ContractArtifact.CONSUMING.abi(), "LogNewMeterRead"));
        assertThat(Registry.LOG_ASSET_CREATED.topic()).isEqualTo(topic(ContractArtifact.PRODUCING.abi(), "LogAssetCreated"));
        assertThat(ReadingAnchorContract.LOG_BATCH_ANCHORED.topic()).isEqualTo(topic(ContractArtifact.ANCHOR.abi(), "LogBatchAnchored"));
    }

    @Test
    void anchorEventCarriesRootAndBatchMetadata() {
        assertThat(signatures(ContractArtifact.ANCHOR.abi())).contains(
                "anchor(bytes32,uint256,uint256,uint256,string)",
                "LogBatchAnchored(uint256,bytes32,address,uint256,uint256,uint256,string)");
    }

    private static JsonNode entry(JsonNode abi, String name) {
        for (JsonNode entry : abi) {
            if (name.equals(entry.path("name").asText())) {
                return entry;
            }
        }
        throw new AssertionError(name + " is not in the ABI");
    }

    private static String canonical(JsonNode entry) {
        List<String> types = new ArrayList<>();
        entry.path("inputs").forEach(input -> types.add(input.path("type").asText()));
        return entry.path("name").asText() + "(" + String.join(",", types) + ")";
    }

    private static List<String> signatures(JsonNode abi) {
        List<String> signatures = new ArrayList<>();
        abi.forEach(entry -> {
            if (entry.has("name")) {
                signatures.add(canonical(entry));
            }
        });
        return signatures;
    }

    private static List<String> outputs(JsonNode abi, String name) {
        List<String> outputs = new ArrayList<>();
        entry(abi, name).path("outputs").forEach(o -> outputs.add(o.path("type").asText() + " " + o.path("name").asText()));
        return outputs;
    }

    private static String selector(JsonNode abi, String name) {
        return Hash.sha3String(canonical(entry(abi, name))).substring(0, 10);
    }

    private static String topic(JsonNode abi, String name) {
        return Hash.sha3String(canonical(entry(abi, name)));
    }
}
