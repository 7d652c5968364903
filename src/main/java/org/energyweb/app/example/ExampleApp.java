package org.energyweb.app.example;

import org.energyweb.app.App;
import org.energyweb.app.LifeCycle;
import org.energyweb.app.Task;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;

/**
 * The original framework's README example on Camel: a task printing its interval and the time
 * every 5 seconds (eager) and one every minute (not eager), in an app with its three hooks.
 * Run it with {@code java -cp 'target/energyweb.jar:target/lib/*' org.energyweb.app.example.ExampleApp}.
 */
public class ExampleApp extends App {

    private final PrintStream out;

    public ExampleApp(PrintStream out) {
        this.out = out;
    }

    static class MyTask extends Task {
        private final PrintStream out;

        MyTask(PrintStream out, LifeCycle interval, boolean eager) {
            super(interval, eager);
            this.out = out;
        }

        @Override
        protected void prepare() {
            out.println("Task " + interval().toSeconds() + " prepared");
        }

        @Override
        protected void main(Duration interval) {
            out.println("Task " + interval.toSeconds() + " ran at " + LocalTime.now().withNano(0));
        }

        @Override
        protected void finish() {
            out.println("Task " + interval().toSeconds() + " finished");
        }
    }

    @Override
    protected void prepare() {
        out.println("App prepared");
    }

    @Override
    protected void configure() {
        addTask(new MyTask(out, LifeCycle.ONE_MINUTE, false));
        addTask(new MyTask(out, LifeCycle.FIVE_SECONDS, true));
    }

    @Override
    protected void finish() {
        out.println("App finished");
    }

    public static void main(String[] args) throws Exception {
        new ExampleApp(System.out).run();
    }
}
