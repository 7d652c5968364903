package org.energyweb.app;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An application of tasks, as in the original framework: {@link #prepare}, {@link #configure} (where
 * tasks are added), then {@link #run} until stopped, then {@link #finish}. Each task runs as a gateway
 * route would run it ({@code from: task:NAME}, see {@link Task}), with its own thread, in a Camel
 * context the app owns: the tasks are prepared as their routes start and finished as they stop.
 */
public abstract class App {

    private final List<Task> tasks = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CamelContext camel = new DefaultCamelContext();

    protected App() {
        // A task stuck in main must not hold the app's shutdown for Camel's default 45 s.
        camel.getShutdownStrategy().setTimeout(10);
    }

    /** Called first, before configure. */
    protected void prepare() throws Exception {
    }

    /** Adds the app's tasks with {@link #addTask}. */
    protected abstract void configure() throws Exception;

    /** Called last, after every task finished. */
    protected void finish() throws Exception {
    }

    public final void addTask(Task task) {
        tasks.add(task);
    }

    /** Runs until {@link #stop} is called or the JVM shuts down. */
    public void run() throws Exception {
        Thread hook = new Thread(this::stop, "energyweb-app-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run(null);
        } finally {
            removeHook(hook);
        }
    }

    /** Runs for at most {@code duration} (null: until stopped). */
    public void run(Duration duration) throws Exception {
        prepare();
        configure();
        camel.addRoutes(taskRoutes());
        camel.start();
        try {
            if (duration == null) {
                stopped.await();
            } else {
                stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            camel.stop();
            finish();
        }
    }

    public void stop() {
        stopped.countDown();
    }

    /** The Camel context the tasks run in, e.g. to add routes that feed or read them. */
    public CamelContext camelContext() {
        return camel;
    }

    private RouteBuilder taskRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < tasks.size(); i++) {
                    Task task = tasks.get(i);
                    String name = "energyweb-task-" + i;
                    bindToRegistry(name, task);
                    // The task is the route's whole work; stop ends each run once it is done.
                    from("task:" + name).routeId("task-" + i + "-" + task.getClass().getSimpleName()).stop();
                }
            }
        };
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is what stopped us; nothing to remove.
        }
    }
}
