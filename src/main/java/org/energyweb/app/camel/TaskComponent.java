package org.energyweb.app.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.energyweb.app.Task;

import java.util.Map;

/** Runs a {@code Task} bean on its own interval in a route: {@code task:myTask}. */
@Component("task")
public class TaskComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TaskEndpoint endpoint = new TaskEndpoint(uri, this, remaining);
        // The task's own schedule first, so initialDelay, delay or repeatCount in the URI still win.
        Task task = endpoint.task();
        long interval = task.interval().toMillis();
        endpoint.setInitialDelay(task.eager() ? 0 : interval);
        endpoint.setDelay(interval);
        endpoint.setRepeatCount(task.runOnce() ? 1 : 0);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
