import Foundation
import Testing
@testable import WergerKit

@Suite struct DocumentReaderTests {
    private func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("werger-\(UUID().uuidString).txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private let arabic = "قال د. أحمد: العمل بدأ.\n\nوأضاف أن التمويل متوفر."

    @Test func readsUTF8WithAndWithoutBOM() throws {
        let plain = try DocumentReader(path: file(Array(arabic.utf8)))
        #expect(try plain.readAll() == arabic)
        #expect(plain.encoding == "UTF-8")
        let bom = try DocumentReader(path: file([0xEF, 0xBB, 0xBF] + Array(arabic.utf8)))
        #expect(try bom.readAll() == arabic)
    }

    @Test func readsUTF16WithBOM() throws {
        let little: [UInt8] = [0xFF, 0xFE] + arabic.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try DocumentReader(path: file(little)).readAll() == arabic)
        let big: [UInt8] = [0xFE, 0xFF] + arabic.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try DocumentReader(path: file(big)).readAll() == arabic)
    }

    @Test func detectsALegacyArabicCodePage() throws {
        // "قال الوزير إن العمل بدأ في أربيل." and more, in windows-1256 (encoded by ICU itself).
        let text = String(repeating: "قال الوزير إن العمل بدأ في أربيل، وأضاف أن المشروع سينتهي قريباً.\n", count: 6)
        let bytes = try Self.encode(text, as: "windows-1256")
        let reader = try DocumentReader(path: file(bytes))
        #expect(try reader.readAll() == text)
        #expect(reader.encoding?.lowercased().contains("1256") == true)
        let forced = try DocumentReader(path: file(bytes), encoding: "windows-1256")
        #expect(try forced.readAll() == text)
    }

    @Test func invalidUTF8IsAnErrorAtItsByteOffset() throws {
        let bytes = Array("Hello world. ".utf8) + [0xFF] + Array(" More text.".utf8)
        let path = try file(bytes)
        #expect(throws: DocumentError.undecodable(file: path, byteOffset: 13, encoding: "UTF-8")) {
            try DocumentReader(path: path).readAll()
        }
        let later = Array(String(repeating: "Plain text. ", count: 300).utf8) + [0xC3, 0x28]
        let laterPath = try file(later)
        #expect(throws: DocumentError.undecodable(file: laterPath, byteOffset: 3600, encoding: "UTF-8")) {
            try DocumentReader(path: laterPath, blockSize: 1000).readAll()
        }
    }

    @Test func aNulByteMeansABinaryFile() throws {
        let path = try file(Array("Text. ".utf8) + [0] + Array("more".utf8))
        #expect(throws: DocumentError.binary(file: path, byteOffset: 6)) { try DocumentReader(path: path).readAll() }
        let utf16: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00]
        let utf16Path = try file(utf16)
        #expect(throws: DocumentError.binary(file: utf16Path, byteOffset: 4)) { try DocumentReader(path: utf16Path).readAll() }
    }

    @Test func missingFolderAndUnknownEncodingAreNamed() throws {
        #expect(throws: DocumentError.missing(file: "/no/such/file.txt")) { try DocumentReader(path: "/no/such/file.txt") }
        #expect(throws: DocumentError.unreadable(file: "/tmp", reason: "it is a folder")) { try DocumentReader(path: "/tmp") }
        #expect(throws: DocumentError.unsupportedEncoding(name: "klingon-8")) {
            try DocumentReader(path: "/tmp", encoding: "klingon-8")
        }
        #expect(DocumentError.missing(file: "a.txt").exitCode == 66)
        #expect(DocumentError.binary(file: "a.txt", byteOffset: 1).exitCode == 65)
    }

    @Test func utf8TextBehindAUTF16MarkIsAnError() throws {
        let english = Array("Heavy rain fell. Roads closed.\n".utf8)
        let little = try file([0xFF, 0xFE] + english)
        #expect(throws: DocumentError.strayByteOrderMark(file: little, encoding: "UTF-16LE")) {
            try DocumentReader(path: little).readAll()
        }
        #expect(throws: DocumentError.strayByteOrderMark(file: little, encoding: "UTF-16LE")) {
            try DocumentReader.text(ofFile: little)
        }
        let big = try file([0xFE, 0xFF] + english)
        #expect(throws: DocumentError.strayByteOrderMark(file: big, encoding: "UTF-16BE")) {
            try DocumentReader(path: big).readAll()
        }
        // UTF-16 text without a space or line break (one Arabic word) is valid UTF-8 byte by byte
        // and has no zero byte; it is still read as UTF-16.
        let word = "مرحبا"
        let single = try file([0xFF, 0xFE] + word.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try DocumentReader(path: single).readAll() == word)
    }

    @Test func anEmptyFileHasNoChunks() throws {
        #expect(try DocumentReader(path: file([])).nextChunk() == nil)
    }

    /// Chunks end at blank lines, so segmenting chunk by chunk gives what the whole text gives.
    @Test func chunkedSegmentationEqualsWholeText() throws {
        var text = ""
        for i in 0..<400 {
            text += "Paragraph \(i) starts here. Dr. Ahmed said “it works.” It is No. \(i) of many…\nA second line.\n\n"
        }
        text += String(repeating: "one very long paragraph without a blank line. ", count: 2000)
        let reader = try DocumentReader(path: file(Array(text.utf8)), blockSize: 4096)
        let segmenter = try Segmenter(language: LanguageTag("en"))
        var chunked: [String] = []
        var paragraphs: [Int] = []
        var paragraph = 0
        var chunks = 0
        while let chunk = try reader.nextChunk() {
            chunks += 1
            chunk.units.withUnsafeBufferPointer { units in
                let result = segmenter.segments(utf16: units, firstParagraph: paragraph)
                for segment in result.segments {
                    chunked.append(String(decoding: units[segment.range], as: UTF16.self))
                    paragraphs.append(segment.paragraph)
                }
                paragraph = chunk.endsParagraph ? result.nextParagraph : max(paragraph, result.nextParagraph - 1)
            }
        }
        #expect(chunks > 10)
        let whole = segmenter.segments(in: text)
        // The over-long last paragraph is cut at spaces, which may move a boundary inside it only.
        let wholeTexts = whole.map { String($0.text(in: text)) }
        let firstTextDifference = zip(chunked, wholeTexts).prefix(1600).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(firstTextDifference == nil)
        let wholeParagraphs = whole.map(\.paragraph)
        let firstParagraphDifference = zip(paragraphs, wholeParagraphs).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(firstParagraphDifference == nil)
        #expect(paragraphs.last == 400 && wholeParagraphs.last == 400)
    }

    private static func encode(_ text: String, as charset: String) throws -> [UInt8] {
        // Foundation has no windows-1256 on Linux; iconv does.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", charset]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
