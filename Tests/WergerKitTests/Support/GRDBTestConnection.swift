import GRDB

/// Direct SQL on a memory's file, for tests that set up states Werger itself never writes.
struct GRDBTestConnection {
    let queue: DatabaseQueue
    init(path: String) throws { queue = try DatabaseQueue(path: path) }
    func execute(_ sql: String) throws { try queue.write { try $0.execute(sql: sql) } }
}
