import Testing
@testable import WergerKit
@Test func placeholder() {}
