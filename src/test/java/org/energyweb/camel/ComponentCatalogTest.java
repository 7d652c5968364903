package org.energyweb.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON descriptors Camel's build tooling generates for every component (src/generated, as Camel
 * keeps its own) are what the catalogue, `camel doc` and IDE plugins show: each must be found by
 * Camel itself and describe every option and header.
 */
class ComponentCatalogTest {

    private static final Path COMPONENTS = Path.of(System.getProperty("energyweb.project.dir", "."),
            "src/generated/resources/META-INF/services/org/apache/camel/component");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentsDescriptorDescribesEachOfItsOptionsAndHeaders() throws Exception {
        List<String> undescribed = new ArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            for (String scheme : schemes()) {
                String descriptor = ((CatalogCamelContext) camel).getComponentParameterJsonSchema(scheme);
                assertThat(descriptor).as("descriptor of " + scheme).isNotNull();
                JsonNode json = JSON.readTree(descriptor);
                assertThat(json.path("component").path("firstVersion").asText()).as(scheme).isEqualTo(CamelCatalog.FIRST_VERSION);
                assertThat(json.path("component").path("description").asText()).as(scheme).isNotBlank();
                for (String section : List.of("componentProperties", "properties", "headers")) {
                    json.path(section).fields().forEachRemaining(option -> {
                        if (option.getValue().path("description").asText().isBlank()) {
                            undescribed.add(scheme + " " + section + " " + option.getKey());
                        }
                    });
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    @Test
    void theCatalogueListsTheSharedOptionGroupsOfAnEndpoint() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            JsonNode origin = JSON.readTree(((CatalogCamelContext) camel).getComponentParameterJsonSchema("origin")).path("properties");
            assertThat(origin.has("breakerFailureThreshold") && origin.has("keystore") && origin.has("dataDir")
                    && origin.path("password").path("secret").asBoolean()).isTrue();
        }
    }

    private static List<String> schemes() throws IOException {
        try (Stream<Path> files = Files.list(COMPONENTS)) {
            List<String> schemes = files.map(file -> file.getFileName().toString()).sorted().toList();
            assertThat(schemes).hasSizeGreaterThanOrEqualTo(8);
            return schemes;
        }
    }
}
