import Foundation

/// Runs an import on two threads: a reading thread parses the file and prepares units (fingerprints,
/// matching forms) while the caller's thread writes them in its transaction. Batches pass through
/// a small bounded queue, so memory stays bounded whatever the file's size.
final class ImportPipeline: @unchecked Sendable {
    enum Item {
        case unit(PreparedUnit)
        case skipped
    }

    private let condition = NSCondition()
    private var batches: [[Item]] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false
    private let capacity = 32
    private let batchSize = 256

    /// Reads on a new thread with `read`, which calls `emit` for each item; the caller consumes.
    func run(read: @escaping @Sendable (_ emit: (Item) throws -> Void) throws -> Void,
             consume: (Item) throws -> Void) throws {
        let thread = Thread { [self] in
            var batch: [Item] = []
            batch.reserveCapacity(batchSize)
            do {
                try read { item in
                    batch.append(item)
                    if batch.count == batchSize {
                        try push(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { try push(batch) }
                finish(nil)
            } catch {
                finish(error)
            }
        }
        thread.stackSize = 1 << 22
        thread.start()
        do {
            while let batch = try pop() {
                for item in batch { try consume(item) }
            }
        } catch {
            cancel()
            throw error
        }
    }

    private func push(_ batch: [Item]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        batches.append(batch)
        condition.broadcast()
    }

    private func pop() throws -> [Item]? {
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

    private func finish(_ error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The writer failed: wake the reader and let it stop, then wait for it to go.
    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
