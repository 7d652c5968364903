// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.19;

/// One Merkle root for a batch of ledger readings, with what a verifier needs to find the batch:
/// its size, the first and last ledger positions it covers and the IPFS CID of its manifest.
/// Anyone may anchor; the submitter is recorded and is what a verifier trusts or not. It also keeps,
/// per gateway transparency log, the latest anchored checkpoint, and refuses one that does not grow.
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

    /// The latest anchored checkpoint (c2sp.org/tlog-checkpoint) of a gateway's transparency log: its tree
    /// size, its RFC 9162 root and the IPFS CID of the signed checkpoint.
    struct LogHead {
        uint64 size;
        bytes32 root;
        string checkpointCid;
        uint256 blockNumber;
    }

    Batch[] internal batches;
    mapping(bytes32 => uint256) internal batchIdPlusOneByRoot;
    /// Per log, keyed by keccak256(abi.encode(submitter, origin)): a log is its submitter's, so nobody else
    /// can block it by anchoring a larger size under its origin.
    mapping(bytes32 => LogHead) internal logHeads;

    event LogBatchAnchored(
        uint256 indexed batchId,
        bytes32 indexed root,
        address indexed submitter,
        uint256 size,
        uint256 firstPosition,
        uint256 lastPosition,
        string manifestCid
    );

    event LogCheckpointAnchored(
        bytes32 indexed logId,
        address indexed submitter,
        string origin,
        uint64 size,
        bytes32 root,
        string checkpointCid
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

    /// Anchors a checkpoint of the submitter's log named _origin. A log only grows: a size that is not
    /// larger than the last anchored one is refused (a shrinking or repeated size means a second history).
    function anchorCheckpoint(string calldata _origin, uint64 _size, bytes32 _root, string calldata _checkpointCid) external {
        bytes32 logId = keccak256(abi.encode(msg.sender, _origin));
        LogHead storage head = logHeads[logId];
        require(_size > head.size, "log size does not grow");
        head.size = _size;
        head.root = _root;
        head.checkpointCid = _checkpointCid;
        head.blockNumber = block.number;
        emit LogCheckpointAnchored(logId, msg.sender, _origin, _size, _root, _checkpointCid);
    }

    /// The last anchored checkpoint of _submitter's log _origin; size 0 when none was anchored.
    function logHead(address _submitter, string calldata _origin)
        external
        view
        returns (uint64 size, bytes32 root, string memory checkpointCid, uint256 blockNumber)
    {
        LogHead storage head = logHeads[keccak256(abi.encode(_submitter, _origin))];
        return (head.size, head.root, head.checkpointCid, head.blockNumber);
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
