package org.energyweb.app.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.energyweb.app.Task;

/**
 * Runs its task once per poll and hands the exchange to the route, unless the run failed. Each
 * consumer polls on a scheduler thread of its own, so a task that blocks holds up only itself.
 */
public class TaskConsumer extends ScheduledPollConsumer {

    private final Task task;

    public TaskConsumer(TaskEndpoint endpoint, Processor processor, Task task) {
        super(endpoint, processor);
        this.task = task;
    }

    @Override
    protected void doStart() throws Exception {
        task.setCamelContext(getEndpoint().getCamelContext());
        // The task is prepared before its first run, and finished after its last (doStop).
        ServiceHelper.startService(task);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        ServiceHelper.stopService(task);
    }

    @Override
    protected int poll() throws Exception {
        Exchange exchange = createExchange(true);
        try {
            task.process(exchange);
            if (!exchange.isRouteStop()) {
                getProcessor().process(exchange);
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("task " + task.getClass().getSimpleName() + " run failed in its route",
                            exchange, exchange.getException());
                }
            }
        } finally {
            releaseExchange(exchange, false);
        }
        return 1;
    }
}
