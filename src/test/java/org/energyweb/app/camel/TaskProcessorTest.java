package org.energyweb.app.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.energyweb.app.LifeCycle;
import org.energyweb.app.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A Task as one step of a route: prepared when the route starts, run per exchange, finished when it stops. */
class TaskProcessorTest {

    @Test
    void aTaskReferencedAsAProcessorFollowsItsRoutesLifeAndAFailureEndsOnlyThatRun() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Task task = new Task(LifeCycle.ONE_MINUTE, false) {
            @Override
            protected void prepare() {
                events.add("prepared");
            }

            @Override
            protected void main(Duration interval) {
                if (events.contains("ran")) {
                    throw new IllegalStateException("meter unreachable");
                }
                events.add("ran");
            }

            @Override
            protected void onException(Exception e) {
                events.add("failed: " + e.getMessage());
            }

            @Override
            protected void finish() {
                events.add("finished");
            }
        };
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("myTask", task);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").process("myTask").process(exchange -> events.add("next step"));
            }
        });
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();

        template.sendBody("direct:run", "one");
        template.sendBody("direct:run", "two");
        camel.stop();

        assertThat(events).containsExactly("prepared", "ran", "next step", "failed: meter unreachable", "finished");
    }
}
