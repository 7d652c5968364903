package org.energyweb.app.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.energyweb.app.Task;
import org.energyweb.camel.CamelCatalog;

/**
 * Starts a route with a {@link Task}: the bean named in the path runs on its own interval (eager:
 * at once, then every interval; run-once: a single time), unless the URI's {@code initialDelay},
 * {@code delay} or {@code repeatCount} say otherwise.
 */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = "task", title = "Energyweb task", syntax = "task:name",
        consumerOnly = true, category = {Category.SCHEDULING})
public class TaskEndpoint extends ScheduledPollEndpoint {

    @UriPath(description = "The name of the Task bean in the registry (for example a bean of the YAML route)")
    @Metadata(required = true)
    private String name;

    public TaskEndpoint(String uri, TaskComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("the task endpoint " + getEndpointUri()
                + " starts a route (use it in from:); to run a task inside a route, use it as a processor (process: ref: " + name + ")");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        TaskConsumer consumer = new TaskConsumer(this, processor, task());
        configureConsumer(consumer);
        return consumer;
    }

    Task task() {
        Task task = getCamelContext().getRegistry().lookupByNameAndType(name, Task.class);
        if (task == null) {
            throw new IllegalArgumentException("no Task bean named '" + name + "' for " + getEndpointUri()
                    + ": declare one (a class extending org.energyweb.app.Task) under beans: in the route file");
        }
        return task;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
