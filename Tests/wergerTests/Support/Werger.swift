import Foundation
import Testing

/// One finished run of the built `werger` executable: its exit status, stdout and stderr, kept apart.
struct Run: Sendable {
    var status: Int32
    var stdout: Data
    var stderr: Data

    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
    /// The lines of stderr (a final line break ends the last line, it does not start another).
    var errorLines: [Substring] {
        var text = Substring(err)
        if text.hasSuffix("\n") { text.removeLast() }
        return text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}

/// Runs the `werger` executable that `swift build` / `swift test` put next to the test products.
enum Werger {
    /// The executable, or nil when it cannot be found (the tests then fail with a clear message).
    static let executable: URL? = locate()

    /// Runs `werger` with `arguments`; `stdin` (a file) becomes its standard input, else it reads nothing.
    /// `folder`: the working folder, for relative paths (default: the test process's).
    static func run(_ arguments: [String], stdin: URL? = nil, in folder: URL? = nil, timeout: TimeInterval = 300,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        let executable = try #require(executable, "the built werger executable was not found; run `swift build` first",
                                      sourceLocation: sourceLocation)
        let scratch = try TemporaryFolder()
        // Files rather than pipes: nothing can block on a full pipe, whatever the size of the output.
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let inHandle = try stdin.map { try FileHandle(forReadingFrom: $0) }
        defer {
            try? outHandle.close()
            try? errHandle.close()
            try? inHandle?.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle ?? FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            Issue.record("werger \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s",
                         sourceLocation: sourceLocation)
        }
        process.waitUntilExit()
        // A crash is not an exit code: report it as 128 + signal, as a shell would, so no expectation on
        // 0/64/65/66/74 can pass by accident.
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return Run(status: status, stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL))
    }

    private static func locate() -> URL? {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["WERGER_EXECUTABLE"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        // Linux: the test runner is itself an executable in the products folder (.build/debug), and
        // Bundle.main is that folder.
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("werger"))
        if let runner = Bundle.main.executableURL {
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent("werger"))
        }
        // macOS: the tests are a .xctest bundle in the products folder, loaded by a runner elsewhere.
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("werger"))
        }
        // Last resort: the package's default debug build folder.
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/werger"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
                && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: url.path)
        }
    }
}

/// The input files under Tests/wergerTests/Fixtures, found from this source file's path.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
    static func path(_ name: String) -> String { url(name).path }
    static func text(_ name: String) throws -> String { try String(contentsOf: url(name), encoding: .utf8) }
}

/// A folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("werger-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `data` to a new file in the folder and returns its URL.
    func file(_ name: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        return file
    }
}

/// One line of `werger segment --format jsonl`: the contract's fields (more may be added).
struct JSONSegment: Decodable, Equatable, Sendable {
    var index: Int
    var paragraph: Int
    var start: Int
    var end: Int
    var text: String

    /// Decodes every line of `output`; a line that is not such an object is a test failure.
    static func decodeLines(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONSegment] {
        guard !output.isEmpty else { return [] }
        if !output.hasSuffix("\n") { Issue.record("jsonl output does not end with a line break", sourceLocation: sourceLocation) }
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        let decoder = JSONDecoder()
        return try lines.map { line in
            do { return try decoder.decode(JSONSegment.self, from: Data(line.utf8)) } catch {
                Issue.record("not a segment object: \(line)", sourceLocation: sourceLocation)
                throw error
            }
        }
    }
}

/// A text indexed by Unicode scalars, as the jsonl contract counts offsets.
struct ScalarText {
    let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The text from scalar `start` up to scalar `end`, or a description of bad offsets (which no
    /// segment text equals). Plain integers: a `Range` would trap on `start > end`.
    func text(from start: Int, to end: Int) -> String {
        guard 0 <= start, start <= end, end <= scalars.count else {
            return "<offsets \(start), \(end) outside 0...\(scalars.count)>"
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}

extension String {
    /// Words of an error message: runs of letters, digits and hyphens (`'en'` gives `en`).
    var words: [Substring] {
        split { !($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
