package org.energyweb.meter.modbus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Many SunSpec model 203 meters, one Modbus TCP server each, on the loopback ports given as arguments;
 * every meter's import counter advances by 1 Wh per second. Runs as its own process in the
 * benchmark, so the gateway's CPU use is measured without the servers' share.
 */
public final class SimulatedMeterFarm {

    private SimulatedMeterFarm() {
    }

    public static void main(String[] ports) throws InterruptedException {
        List<ModbusTestServer> meters = new ArrayList<>();
        for (String port : ports) {
            meters.add(ModbusTestServer.startDirect(Integer.parseInt(port), 1).set(SunSpecImages.model203(1_000, 10, 0, 1_500, 0)));
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long[] counter = {1_000};
        clock.scheduleAtFixedRate(() -> {
            counter[0]++;
            for (ModbusTestServer meter : meters) {
                meter.set(SunSpecImages.METER + 46, (int) (counter[0] >>> 16), (int) counter[0]);
            }
        }, 1, 1, TimeUnit.SECONDS);
        System.out.println("serving " + meters.size() + " meters");
        Thread.currentThread().join();
    }
}
