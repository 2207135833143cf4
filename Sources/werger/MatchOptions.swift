import ArgumentParser
import Foundation
import WergerKit

/// `--from`, `--to` and `--min`, shared by the commands that look segments up.
struct LookupOptions: ParsableArguments {
    @Option(help: "The language of the text to look up (BCP 47: en, ckb, kmr, ar, …).")
    var from: String

    @Option(help: "The language of the translations wanted.")
    var to: String

    func languages() throws -> (LanguageTag, LanguageTag) { (try LanguageTag(from), try LanguageTag(to)) }
}

/// The least match quality shown, 1–100.
func validateThreshold(_ value: Int) throws {
    guard (1...100).contains(value) else { throw ValidationError("--min takes a match quality from 1 to 100, not \(value)") }
}

/// Renders matches for people and for scripts (the contract in PRODUCT.md).
enum MatchRendering {
    static func json(_ match: Match) -> String {
        var fields = [
            "\"quality\":\(match.quality)",
            "\"kind\":\(JSONLines.json(match.kind.rawValue))",
            "\"source\":\(JSONLines.json(match.source))",
            "\"target\":\(JSONLines.json(match.target))",
            "\"unit\":\(JSONLines.json(match.unit.id ?? ""))",
            "\"origin\":\(JSONLines.json(match.unit.origin))",
            "\"adapted\":\(match.adapted)",
        ]
        if match.adapted { fields.append("\"storedTarget\":\(JSONLines.json(match.storedTarget))") }
        if let document = match.unit.document { fields.append("\"document\":\(JSONLines.json(document))") }
        let edits = match.edits.map { edit in
            var parts = ["\"op\":\(JSONLines.json(edit.op.rawValue))"]
            if let query = edit.query { parts.append("\"query\":\(JSONLines.json(query))") }
            if let stored = edit.stored { parts.append("\"stored\":\(JSONLines.json(stored))") }
            return "{" + parts.joined(separator: ",") + "}"
        }
        fields.append("\"edits\":[\(edits.joined(separator: ","))]")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Several lines: quality and kind with provenance, the stored source, the target, what differs.
    static func text(_ match: Match, from: LanguageTag, to: LanguageTag, color: Bool) -> String {
        var lines = ["\(match.quality)%  \(match.kind.rawValue)\(match.adapted ? ", numbers adapted" : "")  [\(match.unit.id ?? "?") · \(match.unit.origin)]"]
        lines.append("  \(from.identifier): \(oneLine(match.source))")
        lines.append("  \(to.identifier): \(oneLine(match.target))")
        if !match.edits.isEmpty {
            let edits = match.edits.map { edit -> String in
                let stored = edit.stored.map { paint($0, "31", color) }
                let query = edit.query.map { paint($0, "32", color) }
                switch edit.op {
                case .replace: return "\(stored!) → \(query!)"
                case .insert: return "−\(stored!)"
                case .delete: return "+\(query!)"
                }
            }
            lines.append("  differs: " + edits.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    private static func paint(_ text: String, _ code: String, _ color: Bool) -> String {
        color ? "\u{1B}[1;\(code)m\(text)\u{1B}[0m" : text
    }

    /// Colour only on a terminal, and not when NO_COLOR is set.
    static var useColor: Bool { isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}
