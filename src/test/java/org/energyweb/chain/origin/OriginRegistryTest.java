package org.energyweb.chain.origin;

import org.energyweb.chain.DevChain;
import org.energyweb.chain.OnDevChain;
import org.energyweb.chain.rpc.Log;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.chain.rpc.RevertException;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contracts on a real anvil: onboarding and release A's meter-read rules. */
class OriginRegistryTest extends OnDevChain {

    private static byte[] hash(int seed) {
        byte[] hash = new byte[32];
        hash[0] = (byte) seed;
        hash[31] = 7;
        return hash;
    }

    @Test
    void deploymentGivesThreeDistinctContracts() {
        assertThat(chain.contracts.producing()).isNotEqualTo(chain.contracts.consuming()).isNotEqualTo(chain.contracts.anchor());
    }

    @Test
    void assetIdsCountUpFromZeroPerRegistry() {
        OriginAdmin.Deployment fresh = chain.admin.deploy();
        String meter = AnvilPeer.ACCOUNT_1.getAddress();
        assertThat(chain.admin.onboard(Registry.CONSUMING, fresh.consuming(), meter, AnvilPeer.ACCOUNT_0.getAddress())).isEqualTo(BigInteger.ZERO);
        assertThat(chain.admin.onboard(Registry.CONSUMING, fresh.consuming(), meter, AnvilPeer.ACCOUNT_0.getAddress())).isEqualTo(BigInteger.ONE);
    }

    @Test
    void theSmartMeterWritesAReadThatEmitsTheOldAndNewValueAndStoresTheFileHash() {
        BigInteger asset = chain.onboard(Registry.PRODUCING, AnvilPeer.ACCOUNT_1);
        OriginAdmin meter = DevChain.admin(chain.eth, AnvilPeer.ACCOUNT_1);
        String contract = chain.contracts.producing();
        meter.transactor().execute(contract, Registry.encode(Registry.PRODUCING.saveSmartMeterRead(asset, 1000, false, hash(1))));
        Receipt second = meter.transactor().execute(contract, Registry.encode(Registry.PRODUCING.saveSmartMeterRead(asset, 1500, false, hash(2))));

        Log log = second.logs().get(0);
        Map<String, Object> event = Registry.PRODUCING.newMeterReadEvent().decode(log);
        assertThat(event).containsEntry("assetId", asset).containsEntry("fileHash", Numeric.toHexString(hash(2)))
                .containsEntry("oldMeterRead", BigInteger.valueOf(1000)).containsEntry("newMeterRead", BigInteger.valueOf(1500))
                .containsEntry("smartMeterDown", false);
        assertThat(chain.admin.lastFileHash(contract, asset)).isEqualTo(hash(2));
    }

    @Test
    void theConsumingRegistryEmitsItsOwnEvent() {
        BigInteger asset = chain.onboard(Registry.CONSUMING, AnvilPeer.ACCOUNT_1);
        OriginAdmin meter = DevChain.admin(chain.eth, AnvilPeer.ACCOUNT_1);
        Receipt receipt = meter.transactor().execute(chain.contracts.consuming(),
                Registry.encode(Registry.CONSUMING.saveSmartMeterRead(asset, 42, true, hash(3))));
        Map<String, Object> event = Registry.CONSUMING.newMeterReadEvent().decode(receipt.logs().get(0));
        assertThat(event).containsEntry("newMeterRead", BigInteger.valueOf(42)).containsEntry("smartMeterDown", true)
                .containsEntry("fileHash", Numeric.toHexString(hash(3)));
    }

    @Test
    void anAccountThatIsNotTheSmartMeterIsRefusedWithAReason() {
        BigInteger asset = chain.onboard(Registry.PRODUCING, AnvilPeer.ACCOUNT_1);
        assertThatThrownBy(() -> chain.admin.transactor().execute(chain.contracts.producing(),
                Registry.encode(Registry.PRODUCING.saveSmartMeterRead(asset, 1, false, hash(4)))))
                .isInstanceOf(RevertException.class)
                .hasMessageContaining("sender is not the asset's smart meter");
    }

    @Test
    void anInactiveAssetRefusesReads() {
        BigInteger asset = chain.onboard(Registry.PRODUCING, AnvilPeer.ACCOUNT_1);
        chain.admin.setActive(chain.contracts.producing(), asset, false);
        OriginAdmin meter = DevChain.admin(chain.eth, AnvilPeer.ACCOUNT_1);
        assertThatThrownBy(() -> meter.transactor().execute(chain.contracts.producing(),
                Registry.encode(Registry.PRODUCING.saveSmartMeterRead(asset, 1, false, hash(5)))))
                .hasMessageContaining("asset is not active");
    }

    @Test
    void onlyAnAssetAdminCreatesAssets() {
        OriginAdmin stranger = DevChain.admin(chain.eth, AnvilPeer.ACCOUNT_1);
        assertThatThrownBy(() -> stranger.onboard(Registry.PRODUCING, chain.contracts.producing(),
                AnvilPeer.ACCOUNT_1.getAddress(), AnvilPeer.ACCOUNT_1.getAddress()))
                .hasMessageContaining("sender lacks the required role");
    }
}
