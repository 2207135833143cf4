import WergerKit
import Foundation
let args = CommandLine.arguments
let lang = try LanguageTag(args[1])
let seg = try Segmenter(language: lang)
let text = try String(contentsOfFile: args[2], encoding: .utf8)
for s in seg.segments(in: text) { print(s.text(in: text).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")) }
