/// A file that cannot be read as its format says: nothing from it is imported.
public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int?
    public var message: String

    public init(file: String, line: Int, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        // Line 0: the problem is the file as a whole.
        line > 0 ? "\(file):\(line)\(column.map { ":\($0)" } ?? ""): \(message)" : "\(file): \(message)"
    }
}

/// A problem with one unit in an otherwise readable file: the unit is skipped and counted, or,
/// with `--strict`, the whole import stops.
public struct FormatDiagnostic: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message); skipped" }
}

/// Language tags read from files, canonicalised once per distinct spelling.
struct LanguageTagCache {
    private var known: [String: Result<String, LanguageTagError>] = [:]

    mutating func canonical(_ tag: String) -> Result<String, LanguageTagError> {
        if let hit = known[tag] { return hit }
        let result: Result<String, LanguageTagError>
        do { result = .success(try LanguageTag(tag).identifier) } catch { result = .failure(error) }
        known[tag] = result
        return result
    }
}
