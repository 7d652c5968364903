package org.energyweb.embedding;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** An ordinary Camel Spring Boot application: simulated meters into the ledger, no Ledger bean bound by hand. */
@SpringBootApplication
public class EmbeddingApplication {

    @Bean
    RouteBuilder meters() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:simulated-meter-source?meterCount=2&period=100")
                        .to("ledger:append?dataDir={{energyweb.data}}");
            }
        };
    }
}
