package org.energyweb.chain.origin;

import org.web3j.abi.FunctionReturnDecoder;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.events.AbiEvent;
import org.energyweb.chain.tx.TxCall;
import org.energyweb.reading.Reading;
import org.energyweb.reading.ReadingDocument;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

import java.math.BigInteger;
import java.util.List;

/**
 * Release A's two asset registries, as Energyweb's own contracts implement them: the calls a
 * gateway makes and the events it reads, encoded by hand with web3j's ABI encoder.
 */
public enum Registry {

    /** AssetProducingRegistryLogic: a generator's meter. */
    PRODUCING(ContractArtifact.PRODUCING, AbiEvent.parse("LogNewMeterRead(uint256 indexed assetId, bytes32 indexed fileHash, "
            + "uint256 oldMeterRead, uint256 newMeterRead, bool smartMeterDown, uint256 certificatesCreatedForWh, "
            + "uint256 oldCO2OffsetReading, uint256 newCO2OffsetReading, bool serviceDown)")) {
        @Override
        public Function saveSmartMeterRead(BigInteger assetId, long energyWh, boolean smartMeterDown, byte[] fileHash) {
            // No CO2-offset service is attached: its reading is 0 and it is flagged down, as the
            // original gateway sent it.
            return function("saveSmartMeterRead", new Uint256(assetId), new Uint256(energyWh), new Bool(smartMeterDown),
                    new Bytes32(fileHash), new Uint256(0), new Bool(true));
        }

        @Override
        public Function initGeneral(BigInteger assetId, String smartMeter, String owner, long operationalSince, boolean active) {
            return function("initGeneral", new Uint256(assetId), new Address(smartMeter), new Address(owner),
                    new Uint256(operationalSince), new Bool(active));
        }
    },

    /** AssetConsumingRegistryLogic: a consumer's meter. */
    CONSUMING(ContractArtifact.CONSUMING, AbiEvent.parse("LogNewMeterRead(uint256 indexed assetId, bytes32 indexed fileHash, "
            + "uint256 oldMeterRead, uint256 newMeterRead, uint256 certificatesUsedForWh, bool smartMeterDown)")) {
        @Override
        public Function saveSmartMeterRead(BigInteger assetId, long energyWh, boolean smartMeterDown, byte[] fileHash) {
            return function("saveSmartMeterRead", new Uint256(assetId), new Uint256(energyWh), new Bytes32(fileHash),
                    new Bool(smartMeterDown));
        }

        @Override
        public Function initGeneral(BigInteger assetId, String smartMeter, String owner, long operationalSince, boolean active) {
            // No capacity limit: certificates for consumption are capped by what was read.
            return function("initGeneral", new Uint256(assetId), new Address(smartMeter), new Address(owner),
                    new Uint256(operationalSince), new Uint256(0), new Bool(false), new Bool(active));
        }
    };

    /** {@code LogAssetCreated(address sender, uint256 indexed assetId)}, the same on both registries. */
    public static final AbiEvent LOG_ASSET_CREATED = AbiEvent.parse("LogAssetCreated(address sender, uint256 indexed assetId)");

    private final ContractArtifact artifact;
    private final AbiEvent newMeterRead;

    Registry(ContractArtifact artifact, AbiEvent newMeterRead) {
        this.artifact = artifact;
        this.newMeterRead = newMeterRead;
    }

    public static Registry named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("registry must be producing or consuming, not '" + name + "'");
        }
    }

    public ContractArtifact artifact() {
        return artifact;
    }

    /** {@code LogNewMeterRead} as this registry emits it. */
    public AbiEvent newMeterReadEvent() {
        return newMeterRead;
    }

    /** Writes a read: the cumulative register in Wh and the reading document's SHA-256 as file hash. */
    public abstract Function saveSmartMeterRead(BigInteger assetId, long energyWh, boolean smartMeterDown, byte[] fileHash);

    /**
     * The transaction that anchors a reading: its cumulative Wh and its document's SHA-256 as file
     * hash. A down meter's document already carries the last good value (never 0) and the flag.
     */
    public TxCall meterRead(String contract, BigInteger assetId, ReadingDocument document) {
        Reading reading = document.reading();
        return new TxCall(contract, encode(saveSmartMeterRead(assetId, reading.energyWh(), reading.down(), document.sha256())));
    }

    public abstract Function initGeneral(BigInteger assetId, String smartMeter, String owner, long operationalSince, boolean active);

    public static Function createAsset() {
        return function("createAsset");
    }

    public static Function setActive(BigInteger assetId, boolean active) {
        return function("setActive", new Uint256(assetId), new Bool(active));
    }

    public static Function getLastSmartMeterReadFileHash(BigInteger assetId) {
        return new Function("getLastSmartMeterReadFileHash", List.of(new Uint256(assetId)),
                List.of(new org.web3j.abi.TypeReference<Bytes32>() { }));
    }

    /** The file hash of the asset's last read, as the contract holds it (a view call, nothing signed). */
    public byte[] lastFileHash(Eth eth, String contract, BigInteger assetId) {
        String result = eth.call(null, contract, encode(getLastSmartMeterReadFileHash(assetId)), "latest");
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<Type> values = FunctionReturnDecoder.decode(result,
                (List) getLastSmartMeterReadFileHash(assetId).getOutputParameters());
        return (byte[]) values.get(0).getValue();
    }

    public static Function getAssetGeneral(BigInteger assetId) {
        return function("getAssetGeneral", new Uint256(assetId));
    }

    public static String encode(Function function) {
        return FunctionEncoder.encode(function);
    }

    @SuppressWarnings("rawtypes")
    static Function function(String name, Type... inputs) {
        return new Function(name, List.of(inputs), List.of());
    }
}
