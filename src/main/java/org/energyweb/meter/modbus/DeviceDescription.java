package org.energyweb.meter.modbus;

import java.util.List;

/**
 * What a device says about itself (SunSpec common model) or what its register map declares.
 *
 * @param sunSpecModels the SunSpec model ids in chain order; empty for a register-mapped meter
 */
public record DeviceDescription(String manufacturer, String model, String serial, List<Integer> sunSpecModels) {

    public DeviceDescription {
        sunSpecModels = List.copyOf(sunSpecModels);
    }
}
