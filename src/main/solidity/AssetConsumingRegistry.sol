// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.19;

import "./AssetRegistry.sol";

/// Release A's AssetConsumingRegistryLogic meter-read interface, byte for byte.
contract AssetConsumingRegistry is AssetRegistry {
    struct Capacity {
        uint256 capacityWh;
        bool maxCapacitySet;
        uint256 certificatesUsedForWh;
    }

    mapping(uint256 => Capacity) internal capacities;

    event LogNewMeterRead(
        uint256 indexed _assetId,
        bytes32 indexed _fileHash,
        uint256 _oldMeterRead,
        uint256 _newMeterRead,
        uint256 _certificatesUsedForWh,
        bool _smartMeterDown
    );

    function initGeneral(
        uint256 _assetId,
        address _smartMeter,
        address _owner,
        uint256 _operationalSince,
        uint256 _capacityWh,
        bool _maxCapacitySet,
        bool _active
    ) external {
        initMeter(_assetId, _smartMeter, _owner, _operationalSince, _active);
        capacities[_assetId].capacityWh = _capacityWh;
        capacities[_assetId].maxCapacitySet = _maxCapacitySet;
    }

    function saveSmartMeterRead(uint256 _assetId, uint256 _newMeterRead, bytes32 _lastSmartMeterReadFileHash, bool _smartMeterDown)
        external
    {
        uint256 oldMeterRead = recordRead(_assetId, _newMeterRead, _lastSmartMeterReadFileHash);
        emit LogNewMeterRead(_assetId, _lastSmartMeterReadFileHash, oldMeterRead, _newMeterRead,
            capacities[_assetId].certificatesUsedForWh, _smartMeterDown);
    }

    function getAssetGeneral(uint256 _assetId)
        external
        view
        knownAsset(_assetId)
        returns (
            address smartMeter,
            address owner,
            uint256 operationalSince,
            uint256 capacityWh,
            bool maxCapacitySet,
            uint256 lastSmartMeterReadWh,
            uint256 certificatesUsedForWh,
            bool active,
            bytes32 lastSmartMeterReadFileHash
        )
    {
        Meter storage meter = meters[_assetId];
        Capacity storage capacity = capacities[_assetId];
        return (meter.smartMeter, meter.owner, meter.operationalSince, capacity.capacityWh, capacity.maxCapacitySet,
            meter.lastSmartMeterReadWh, capacity.certificatesUsedForWh, meter.active, meter.lastSmartMeterReadFileHash);
    }
}
