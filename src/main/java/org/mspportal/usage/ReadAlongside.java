package org.mspportal.usage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionOperations;

/**
 * A read run in its own read-only transaction on another thread while the request's thread does
 * its own reads, then joined. It is taken up only once its transaction holds a connection, and
 * whoever takes it up first runs it: if no other thread has by the time the request joins, the
 * request runs it itself. So a request never waits for a connection another request holds: with
 * the pool exhausted, reads run one after the other as they would without this.
 */
final class ReadAlongside<T> {

    private final Supplier<T> read;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private ReadAlongside(Supplier<T> read) {
        this.read = read;
    }

    static <T> ReadAlongside<T> start(Supplier<T> read, TransactionOperations readOnly, Executor executor) {
        ReadAlongside<T> alongside = new ReadAlongside<>(read);
        executor.execute(() -> readOnly.executeWithoutResult(transaction -> alongside.runIfNotTaken()));
        return alongside;
    }

    /** What the read found, run here if no other thread has taken it up yet. */
    T join() {
        if (taken.compareAndSet(false, true)) {
            return read.get();
        }
        try {
            return result.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    private void runIfNotTaken() {
        if (!taken.compareAndSet(false, true)) {
            return;
        }
        try {
            result.complete(read.get());
        } catch (RuntimeException | Error failed) {
            result.completeExceptionally(failed);
        }
    }
}
