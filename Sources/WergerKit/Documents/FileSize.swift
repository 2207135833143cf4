import Foundation

/// The size of a file in bytes, or nil when it cannot be read (stat(2): Foundation's attribute
/// dictionary holds the size as a type that does not bridge the same way on every platform).
public func fileSize(atPath path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_size)
}
