import Foundation
import Testing
@testable import WergerKit

/// A segmentation case in the JSON Lines format of `../shared/segmentation/golden` and of
/// `Fixtures/segmentation/*.jsonl`: the text and the segments a translator expects.
struct SegmentationCase: Decodable, CustomTestStringConvertible, Sendable {
    var id: String
    var lang: String
    var text: String
    var sentences: [String]
    var rule: String?

    var testDescription: String { id }

    static func load(_ url: URL) throws -> [SegmentationCase] {
        let data = try String(contentsOf: url, encoding: .utf8)
        return try data.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map {
            try JSONDecoder().decode(SegmentationCase.self, from: Data($0.utf8))
        }
    }

    /// The cases of every fixture file whose name starts with `prefix`.
    static func fixtures(_ prefix: String) -> [SegmentationCase] {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/segmentation"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".jsonl") }.sorted().flatMap {
            (try? load(folder.appendingPathComponent($0))) ?? []
        }
    }
}

/// `../shared` beside the repository: present in CI, absent on a user's fresh clone.
enum Shared {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    static var exists: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("segmentation/golden").path) }

    static func goldenCases() -> [SegmentationCase] {
        let folder = root.appendingPathComponent("segmentation/golden")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().flatMap {
            (try? SegmentationCase.load(folder.appendingPathComponent($0))) ?? []
        }
    }
}

/// The segments of `text` as strings, whitespace inside them collapsed as the scorer does.
func segmentTexts(_ text: String, _ language: String) throws -> [String] {
    let segmenter = try Segmenter(language: LanguageTag(language))
    return segmenter.segments(in: text).map { String($0.text(in: text)) }
}

func collapsed(_ s: String) -> String { s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }

/// The glue invariant (OmegaT's): segments in order, never overlapping, never empty, never starting
/// or ending with whitespace, and only whitespace between and around them.
func glueViolation(_ text: String, _ segments: [Segment]) -> String? {
    let units = Array(text.utf16)
    var position = 0
    for (index, segment) in segments.enumerated() {
        if segment.range.isEmpty { return "segment \(index) is empty" }
        if segment.range.lowerBound < position { return "segment \(index) overlaps the one before" }
        for gap in position..<segment.range.lowerBound where !UTF16Class.isSpace(units[gap]) {
            return "text lost before segment \(index) at unit \(gap)"
        }
        if UTF16Class.isSpace(units[segment.range.lowerBound]) || UTF16Class.isSpace(units[segment.range.upperBound - 1]) {
            return "segment \(index) starts or ends with whitespace"
        }
        position = segment.range.upperBound
    }
    for gap in position..<units.count where !UTF16Class.isSpace(units[gap]) { return "text lost at the end, unit \(gap)" }
    return nil
}
