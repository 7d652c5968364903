package org.energyweb.meter.modbus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A register map that cannot be used is refused when loaded, naming the file and the point. */
class RegisterMapValidationTest {

    @TempDir
    Path dir;

    @Test
    void aMapWithoutAddressBaseIsRefused() throws IOException {
        Path file = write("points:\n  energyImport: {address: 1, type: uint32, unit: Wh}\n");
        assertThatThrownBy(() -> RegisterMap.load(file))
                .isInstanceOf(RegisterMapException.class)
                .hasMessage("register map " + file + ": addressBase is missing: state whether the addresses count from 0 or 1");
    }

    @Test
    void anAddressBaseOtherThanZeroOrOneIsRefused() throws IOException {
        Path file = write("addressBase: 40001\npoints:\n  energyImport: {address: 1, type: uint32, unit: Wh}\n");
        assertThatThrownBy(() -> RegisterMap.load(file)).hasMessageContaining("addressBase must be 0 or 1, was 40001");
    }

    @Test
    void anUnknownTypeNamesThePoint() throws IOException {
        Path file = write("addressBase: 0\npoints:\n  energyImport: {address: 1, type: uint33, unit: Wh}\n");
        assertThatThrownBy(() -> RegisterMap.load(file))
                .hasMessage("register map " + file + ", point energyImport: type: unknown type 'uint33' (expected int16, uint16, int32, uint32, acc32, float32, int64, uint64)");
    }

    @Test
    void anEnergyPointWithoutUnitIsRefused() throws IOException {
        Path file = write("addressBase: 0\npoints:\n  energyImport: {address: 1, type: uint32}\n");
        assertThatThrownBy(() -> RegisterMap.load(file)).hasMessageContaining("point energyImport: unit is missing (Wh, kWh or MWh)");
    }

    @Test
    void anUnknownEnergyUnitIsRefused() throws IOException {
        Path file = write("addressBase: 0\npoints:\n  energyExport: {address: 1, type: uint32, unit: kWh}\n  energyImport: {address: 3, type: uint32, unit: kwatt}\n");
        assertThatThrownBy(() -> RegisterMap.load(file)).hasMessageContaining("point energyImport: unknown energy unit 'kwatt'");
    }

    @Test
    void addressZeroInAOneBasedMapIsRefused() throws IOException {
        Path file = write("addressBase: 1\npoints:\n  energyImport: {address: 0, type: uint32, unit: Wh}\n");
        assertThatThrownBy(() -> RegisterMap.load(file))
                .hasMessageContaining("point energyImport: address 0 is outside the registers of base 1 (1..65536)");
    }

    @Test
    void aMisspelledKeyIsRefusedRatherThanIgnored() throws IOException {
        Path file = write("addressBase: 0\npoints:\n  energyImport: {adress: 1, type: uint32, unit: Wh}\n");
        assertThatThrownBy(() -> RegisterMap.load(file)).hasMessageContaining("point energyImport: unknown key 'adress'");
    }

    @Test
    void scaleAndScaleFactorRegisterTogetherAreRefused() throws IOException {
        Path file = write("addressBase: 0\npoints:\n  energyImport: {address: 1, type: uint32, unit: Wh, scale: 10, scaleFactorRegister: 5}\n");
        assertThatThrownBy(() -> RegisterMap.load(file)).hasMessageContaining("point energyImport: give either scale or scaleFactorRegister, not both");
    }

    @Test
    void aMapWithoutImportIsRefused() throws IOException {
        Path file = write("addressBase: 0\npoints:\n  power: {address: 1, type: int16, unit: W}\n");
        assertThatThrownBy(() -> RegisterMap.load(file)).hasMessageContaining("points must hold at least energyImport");
    }

    @Test
    void aValueRunningPastTheLastRegisterIsRefused() throws IOException {
        Path file = write("addressBase: 0\npoints:\n  energyImport: {address: 65535, type: uint32, unit: Wh}\n");
        assertThatThrownBy(() -> RegisterMap.load(file)).hasMessageContaining("point energyImport: a uint32 at 65535 runs past register 65535");
    }

    @Test
    void brokenYamlNamesTheFile() throws IOException {
        Path file = write("addressBase: [0\n");
        assertThatThrownBy(() -> RegisterMap.load(file)).hasMessageStartingWith("register map " + file + ": cannot be read as YAML");
    }

    @Test
    void aPointMayOverrideTheBaseAndWordOrderOfTheMap() throws IOException {
        Path file = write("addressBase: 1\nwordOrder: low-first\npoints:\n"
                + "  energyImport: {address: 10, addressBase: 0, wordOrder: high-first, type: uint32, unit: Wh}\n");
        MapPoint point = RegisterMap.load(file).point(RegisterMap.ENERGY_IMPORT);
        assertThat(point.address()).isEqualTo(10);
        assertThat(point.wordOrder()).isEqualTo(WordOrder.HIGH_FIRST);
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("meter.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
