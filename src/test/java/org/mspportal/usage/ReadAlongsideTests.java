package org.mspportal.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A read alongside the request's runs exactly once: on whichever thread takes it up first. */
class ReadAlongsideTests {

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<Thread> readOn = new AtomicReference<>();

    @Test
    void aReadNoThreadHasTakenUpYetRunsOnTheThreadThatJoinsIt() {
        List<Runnable> queued = new ArrayList<>();
        ReadAlongside<String> alongside = ReadAlongside.start(this::read, TransactionOperations.withoutTransaction(),
                queued::add);

        assertThat(alongside.join()).isEqualTo("credits");
        queued.forEach(Runnable::run);

        assertThat(readOn.get()).isSameAs(Thread.currentThread());
        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadTakenUpByAnotherThreadIsJoinedWithWhatItFound() throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        ReadAlongside<String> alongside = ReadAlongside.start(this::read, TransactionOperations.withoutTransaction(),
                task -> started.add(startThread(task)));
        started.get(0).join();

        assertThat(alongside.join()).isEqualTo("credits");
        assertThat(readOn.get()).isSameAs(started.get(0));
        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadThatFailedOnAnotherThreadFailsTheJoinWithItsException() throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        ReadAlongside<String> alongside = ReadAlongside.start(() -> {
            throw new IllegalStateException("database gone");
        }, TransactionOperations.withoutTransaction(), task -> started.add(startThread(task)));
        started.get(0).join();

        assertThatThrownBy(alongside::join).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
    }

    private static Thread startThread(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    private String read() {
        reads.incrementAndGet();
        readOn.set(Thread.currentThread());
        return "credits";
    }
}
