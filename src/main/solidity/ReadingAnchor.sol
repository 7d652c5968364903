// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.19;

/// One Merkle root for a batch of ledger readings, with what a verifier needs to find the batch:
/// its size, the first and last ledger positions it covers and the IPFS CID of its manifest.
/// Anyone may anchor; the submitter is recorded and is what a verifier trusts or not.
contract ReadingAnchor {
    struct Batch {
        bytes32 root;
        uint256 size;
        uint256 firstPosition;
        uint256 lastPosition;
        address submitter;
        uint256 blockNumber;
        string manifestCid;
    }

    Batch[] internal batches;
    mapping(bytes32 => uint256) internal batchIdPlusOneByRoot;

    event LogBatchAnchored(
        uint256 indexed batchId,
        bytes32 indexed root,
        address indexed submitter,
        uint256 size,
        uint256 firstPosition,
        uint256 lastPosition,
        string manifestCid
    );

    function anchor(bytes32 _root, uint256 _size, uint256 _firstPosition, uint256 _lastPosition, string calldata _manifestCid)
        external
        returns (uint256 batchId)
    {
        require(_root != bytes32(0), "root is zero");
        require(_size > 0, "batch is empty");
        require(_lastPosition >= _firstPosition, "last position is before the first");
        require(batchIdPlusOneByRoot[_root] == 0, "root already anchored");
        batches.push(Batch(_root, _size, _firstPosition, _lastPosition, msg.sender, block.number, _manifestCid));
        batchId = batches.length - 1;
        batchIdPlusOneByRoot[_root] = batchId + 1;
        emit LogBatchAnchored(batchId, _root, msg.sender, _size, _firstPosition, _lastPosition, _manifestCid);
    }

    function batchCount() external view returns (uint256) {
        return batches.length;
    }

    function getBatch(uint256 _batchId) external view returns (Batch memory) {
        require(_batchId < batches.length, "unknown batch");
        return batches[_batchId];
    }

    /// The batch holding a root; reverts when the root was never anchored.
    function batchOfRoot(bytes32 _root) external view returns (uint256) {
        uint256 idPlusOne = batchIdPlusOneByRoot[_root];
        require(idPlusOne != 0, "root not anchored");
        return idPlusOne - 1;
    }
}
