package org.energyweb.app;

import org.energyweb.app.example.ExampleApp;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AppTest {

    @Test
    void theOriginalReadmeExampleRunsTheEagerTaskAtOnceAndTheMinuteTaskNotYet() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new ExampleApp(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(Duration.ofMillis(5_500));
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("App prepared");
        assertThat(lines).contains("Task 60 prepared", "Task 5 prepared", "Task 60 finished", "Task 5 finished");
        assertThat(lines.stream().filter(l -> l.startsWith("Task 5 ran at"))).hasSize(2);
        assertThat(lines.stream().filter(l -> l.startsWith("Task 60 ran at"))).isEmpty();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("App finished");
    }

    @Test
    void aTaskThatBlocksDoesNotStallTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ticks = new AtomicInteger();
        App app = appOf(
                task(Duration.ofMillis(50), release::await),
                task(Duration.ofMillis(50), ticks::incrementAndGet));
        long deadline = System.nanoTime() + 5_000_000_000L;
        Thread releaser = new Thread(() -> {
            while (ticks.get() < 5 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            release.countDown();
        });
        releaser.start();
        app.run(Duration.ofMillis(600));
        releaser.join();
        assertThat(ticks.get()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aTaskThatThrowsKeepsItsScheduleAndReportsEachFailure() throws Exception {
        List<Exception> failures = new ArrayList<>();
        AtomicInteger healthy = new AtomicInteger();
        Task failing = new Task(Duration.ofMillis(50), true, false) {
            @Override
            protected void main(Duration interval) {
                throw new IllegalStateException("meter unreachable");
            }

            @Override
            protected void onException(Exception e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        };
        appOf(failing, task(Duration.ofMillis(50), healthy::incrementAndGet)).run(Duration.ofMillis(500));
        assertThat(failures).hasSizeGreaterThan(3).allSatisfy(e -> assertThat(e).hasMessage("meter unreachable"));
        assertThat(healthy.get()).isGreaterThan(3);
    }

    @Test
    void aNonEagerTaskWaitsOneIntervalBeforeItsFirstRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Task lazy = new Task(Duration.ofSeconds(30), false, false) {
            @Override
            protected void main(Duration interval) {
                runs.incrementAndGet();
            }
        };
        appOf(lazy).run(Duration.ofMillis(300));
        assertThat(runs.get()).isZero();
    }

    @Test
    void aRunOnceTaskRunsExactlyOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Task once = new Task(Duration.ofMillis(20), true, true) {
            @Override
            protected void main(Duration interval) {
                runs.incrementAndGet();
            }
        };
        appOf(once).run(Duration.ofMillis(300));
        assertThat(runs.get()).isEqualTo(1);
    }

    interface Work {
        void run() throws Exception;
    }

    private static Task task(Duration interval, Work work) {
        return new Task(interval, true, false) {
            @Override
            protected void main(Duration ignored) throws Exception {
                work.run();
            }
        };
    }

    private static App appOf(Task... tasks) {
        return new App() {
            @Override
            protected void configure() {
                for (Task task : tasks) {
                    addTask(task);
                }
            }
        };
    }
}
