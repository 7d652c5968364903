// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.19;

/// Release A's roles as a bitmask per account. The deployer starts with every administrative
/// role and AssetManager, so a development chain can be onboarded by one key.
abstract contract RoleManagement {
    uint256 public constant TOP_ADMIN = 1;
    uint256 public constant USER_ADMIN = 2;
    uint256 public constant ASSET_ADMIN = 4;
    uint256 public constant AGREEMENT_ADMIN = 8;
    uint256 public constant ASSET_MANAGER = 16;
    uint256 public constant TRADER = 32;
    uint256 public constant MATCHER = 64;

    mapping(address => uint256) public roles;

    event LogRolesChanged(address indexed user, uint256 roles);

    constructor() {
        roles[msg.sender] = TOP_ADMIN | USER_ADMIN | ASSET_ADMIN | ASSET_MANAGER;
        emit LogRolesChanged(msg.sender, roles[msg.sender]);
    }

    modifier onlyRole(uint256 role) {
        require(roles[msg.sender] & role != 0, "sender lacks the required role");
        _;
    }

    function isRole(uint256 role, address user) public view returns (bool) {
        return roles[user] & role != 0;
    }

    function setRoles(address user, uint256 newRoles) external onlyRole(TOP_ADMIN | USER_ADMIN) {
        roles[user] = newRoles;
        emit LogRolesChanged(user, newRoles);
    }
}
