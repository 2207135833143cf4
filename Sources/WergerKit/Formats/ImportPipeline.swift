import Foundation

/// Runs an import on three threads: one parses the file, one prepares units (fingerprints, matching
/// forms, index keys), and the caller's thread writes them in its transaction. Three stages keep
/// both cores busy whichever stage is slower for a file; batches pass through small bounded
/// queues, so memory stays bounded whatever the file's size.
final class ImportPipeline: @unchecked Sendable {
    enum Item<Unit> {
        case unit(Unit)
        case skipped
    }

    private let parsed = BatchChannel<Item<TranslationUnit>>()
    private let prepared = BatchChannel<Item<PreparedUnit>>()
    private let batchSize = 256

    /// Reads on a new thread with `read`, which calls `emit` for each item; prepares on another;
    /// the caller consumes.
    func run(read: @escaping @Sendable (_ emit: (Item<TranslationUnit>) throws -> Void) throws -> Void,
             consume: (Item<PreparedUnit>) throws -> Void) throws {
        let reader = Thread { [self] in
            var batch: [Item<TranslationUnit>] = []
            batch.reserveCapacity(batchSize)
            do {
                try read { item in
                    batch.append(item)
                    if batch.count == batchSize {
                        try parsed.push(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { try parsed.push(batch) }
                parsed.finish(nil)
            } catch {
                parsed.finish(error)
            }
        }
        let preparer = Thread { [self] in
            let tokenizer = MatchTokenizer()
            do {
                while let batch = try parsed.pop() {
                    try prepared.push(batch.map { item in
                        switch item {
                        case .unit(let unit): return .unit(PreparedUnit(unit, tokenizer: tokenizer))
                        case .skipped: return .skipped
                        }
                    })
                }
                prepared.finish(nil)
            } catch {
                // The writer stopped (or the reader failed): stop the reader too, then pass it on.
                parsed.cancel()
                prepared.finish(error)
            }
        }
        reader.stackSize = 1 << 22
        preparer.stackSize = 1 << 22
        reader.start()
        preparer.start()
        do {
            while let batch = try prepared.pop() {
                for item in batch { try consume(item) }
            }
        } catch {
            prepared.cancel()
            throw error
        }
    }
}

/// A bounded queue of batches between two threads, with the producer's end (finish, with or
/// without an error) and the consumer's (cancel, which waits for the producer to stop).
final class BatchChannel<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false
    private let capacity = 16

    func push(_ batch: [Element]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        batches.append(batch)
        condition.broadcast()
    }

    /// The next batch; nil when the producer finished; the producer's error if it failed.
    func pop() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    func finish(_ error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer failed: wake the producer and let it stop, then wait for it to go.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
