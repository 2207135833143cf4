import ArgumentParser
import Foundation
import WergerKit

enum SegmentFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl, tsv
}

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Cut an article into segments (sentences, headlines, captions, list items).",
        discussion: """
            text: one segment per line (a line break inside a segment is shown as a space).
            jsonl: {"index","paragraph","start","end","text"}; start and end count Unicode scalars \
            from the start of the document (after any byte-order mark); text is exact.
            tsv: index, paragraph, text; a tab, line break or backslash in the text is written \\t, \\n, \\r, \\\\.
            """
    )

    @Argument(help: "The article to segment, or - for standard input.")
    var file: String

    @Option(help: "The article's language, as a BCP 47 tag (en, ckb, kmr, ar, …).")
    var lang: String

    @Option(help: "Output: text, jsonl or tsv.")
    var format: SegmentFormat = .text

    @Option(help: "The input encoding when it is not UTF-8 or UTF-16 with a BOM (e.g. windows-1256).")
    var encoding: String?

    @Option(help: QuotationOption.help)
    var quotations: QuotationOption = .whole

    func run() throws {
        try reportingFailures {
            let language = try LanguageTag(lang)
            let segmenter = try Segmenter(language: language, quotations: quotations.policy)
            let reader = try DocumentReader(path: file, encoding: encoding)
            let output = Output()
            var renderer = SegmentRenderer(format: format, output: output)
            var paragraph = 0
            while let chunk = try reader.nextChunk() {
                try chunk.units.withUnsafeBufferPointer { units throws(OutputError) in
                    let result = segmenter.segments(utf16: units, firstParagraph: paragraph)
                    try renderer.render(result.segments, in: units)
                    // A chunk cut inside an over-long paragraph continues it in the next chunk.
                    paragraph = chunk.endsParagraph ? result.nextParagraph : max(paragraph, result.nextParagraph - 1)
                }
            }
            try output.flush()
        }
    }
}

/// Writes segments in one of the output formats, keeping the running index and scalar offsets.
struct SegmentRenderer {
    let format: SegmentFormat
    let output: Output
    private var index = 0
    /// Unicode scalars in earlier chunks.
    private var scalarBase = 0

    init(format: SegmentFormat, output: Output) {
        self.format = format
        self.output = output
    }

    mutating func render(_ segments: [Segment], in units: UnsafeBufferPointer<UInt16>) throws(OutputError) {
        var position = 0
        var scalars = scalarBase
        func advance(to target: Int) {
            while position < target {
                if units[position] & 0xFC00 != 0xDC00 { scalars += 1 }
                position += 1
            }
        }
        for segment in segments {
            switch format {
            case .text:
                output.write(units, segment.range, escape: Self.lineBreakAsSpace)
            case .tsv:
                output.write(index); output.write(byte: 0x09)
                output.write(segment.paragraph); output.write(byte: 0x09)
                output.write(units, segment.range, escape: Self.tsvEscape)
            case .jsonl:
                advance(to: segment.range.lowerBound)
                let start = scalars
                advance(to: segment.range.upperBound)
                output.write("{\"index\":"); output.write(index)
                output.write(",\"paragraph\":"); output.write(segment.paragraph)
                output.write(",\"start\":"); output.write(start)
                output.write(",\"end\":"); output.write(scalars)
                output.write(",\"text\":\"")
                output.write(units, segment.range, escape: Self.jsonEscape)
                output.write("\"}")
            }
            output.write(byte: 0x0A)
            index += 1
            try output.flushIfFull()
        }
        advance(to: units.count)
        scalarBase = scalars
    }

    private static func lineBreakAsSpace(_ u: UInt16) -> String? {
        switch u {
        case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: return " "
        case 0x0D: return ""  // \r\n becomes one space
        default: return nil
        }
    }

    private static func tsvEscape(_ u: UInt16) -> String? {
        switch u {
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x5C: return "\\\\"
        default: return nil
        }
    }

    private static func jsonEscape(_ u: UInt16) -> String? {
        switch u {
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x2028: return "\\u2028"
        case 0x2029: return "\\u2029"
        case 0..<0x20: return String(format: "\\u%04x", Int(u))
        default: return nil
        }
    }
}
