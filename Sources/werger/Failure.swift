import ArgumentParser
import Foundation
import WergerKit

/// Runs a command's body and turns Werger's errors into one line on stderr and a sysexits code.
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DocumentError {
        throw fail(error.description, code: error.exitCode)
    } catch let error as LanguageTagError {
        throw fail(error.description, code: 64)
    } catch let error as SegmenterError {
        throw fail(error.description, code: 1)
    } catch let error as OutputError {
        throw fail(error.description, code: 74)
    } catch let error as MemoryError {
        throw fail(error.description, code: error.exitCode)
    } catch let error as FormatError {
        throw fail(error.description, code: 65)
    } catch let error as ImportError {
        if case .missing = error { throw fail(error.description, code: 66) }
        throw fail(error.description, code: 74)
    } catch let error as SpoolError {
        throw fail(error.description, code: error.code)
    } catch let error as ExitCode {
        throw error
    } catch let error as CLIUsageError {
        throw fail(error.message, code: 64)
    } catch let error as CLIDataError {
        throw fail(error.message, code: 65)
    } catch {
        throw fail("\(error)", code: 1)
    }
}

/// Writes `werger: error: <message>` to stderr and returns the exit code to throw.
func fail(_ message: String, code: Int32) -> ExitCode {
    FileHandle.standardError.write(Data("werger: error: \(message)\n".utf8))
    return ExitCode(code)
}

/// A usage problem found while running (an option combination `validate()` cannot see).
struct CLIUsageError: Error {
    let message: String
}

/// Data given on the command line that cannot be taken as it is (a text under the wrong language).
struct CLIDataError: Error {
    let message: String
}
