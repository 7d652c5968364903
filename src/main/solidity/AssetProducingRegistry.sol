// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.19;

import "./AssetRegistry.sol";

/// Release A's AssetProducingRegistryLogic meter-read interface, byte for byte.
contract AssetProducingRegistry is AssetRegistry {
    mapping(uint256 => uint256) internal lastCO2OffsetRead;
    mapping(uint256 => uint256) internal certificatesCreatedForWh;

    event LogNewMeterRead(
        uint256 indexed _assetId,
        bytes32 indexed _fileHash,
        uint256 _oldMeterRead,
        uint256 _newMeterRead,
        bool _smartMeterDown,
        uint256 _certificatesCreatedForWh,
        uint256 _oldCO2OffsetReading,
        uint256 _newCO2OffsetReading,
        bool _serviceDown
    );

    function initGeneral(uint256 _assetId, address _smartMeter, address _owner, uint256 _operationalSince, bool _active)
        external
    {
        initMeter(_assetId, _smartMeter, _owner, _operationalSince, _active);
    }

    function saveSmartMeterRead(
        uint256 _assetId,
        uint256 _newMeterRead,
        bool _smartMeterDown,
        bytes32 _lastSmartMeterReadFileHash,
        uint256 _CO2OffsetMeterRead,
        bool _CO2OffsetServiceDown
    ) external {
        uint256 oldMeterRead = recordRead(_assetId, _newMeterRead, _lastSmartMeterReadFileHash);
        emit LogNewMeterRead(
            _assetId,
            _lastSmartMeterReadFileHash,
            oldMeterRead,
            _newMeterRead,
            _smartMeterDown,
            certificatesCreatedForWh[_assetId],
            lastCO2OffsetRead[_assetId],
            _CO2OffsetMeterRead,
            _CO2OffsetServiceDown
        );
        lastCO2OffsetRead[_assetId] = _CO2OffsetMeterRead;
    }

    function getAssetGeneral(uint256 _assetId)
        external
        view
        knownAsset(_assetId)
        returns (
            address smartMeter,
            address owner,
            uint256 operationalSince,
            uint256 lastSmartMeterReadWh,
            bool active,
            bytes32 lastSmartMeterReadFileHash
        )
    {
        Meter storage meter = meters[_assetId];
        return (meter.smartMeter, meter.owner, meter.operationalSince, meter.lastSmartMeterReadWh, meter.active,
            meter.lastSmartMeterReadFileHash);
    }
}
