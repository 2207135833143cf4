import Foundation

/// One result per task of a parallel loop (`DispatchQueue.concurrentPerform`), written by the
/// worker that made it (each slot by one worker only) and read after all workers finished.
public final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    public func get(_ index: Int) -> Value { slots[index]! }
}
