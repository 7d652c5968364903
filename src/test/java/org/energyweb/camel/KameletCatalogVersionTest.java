package org.energyweb.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The kamelets are one catalogue: one catalog.version, the version of the jar they depend on. */
class KameletCatalogVersionTest {

    private static final Path KAMELETS = Path.of(System.getProperty("energyweb.project.dir", "."), "kamelets");

    @Test
    void everyKameletCarriesTheVersionOfTheJarItNeeds() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> kamelets;
        try (Stream<Path> files = Files.list(KAMELETS)) {
            kamelets = files.filter(file -> file.toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
        assertThat(kamelets).isNotEmpty();
        Set<String> versions = new TreeSet<>();
        for (Path kamelet : kamelets) {
            JsonNode document = yaml.readTree(kamelet.toFile());
            String version = document.path("metadata").path("annotations").path("camel.apache.org/catalog.version").asText();
            assertThat(document.path("spec").path("dependencies").toString()).as(kamelet.toString())
                    .contains("mvn:org.energyweb:energyweb:" + version);
            versions.add(version);
        }
        assertThat(versions).hasSize(1);
    }
}
