import Foundation

/// gzip as the `gzip` binary writes it: one member per call, no name or time stamp.
public func gzip(_ data: [UInt8], level: Int = 6) throws -> [UInt8] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["gzip", "-c", "-n", "-\(level)"]
    let out = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardInput = inp
    try p.run()
    let writer = Thread {
        inp.fileHandleForWriting.write(Data(data))
        try? inp.fileHandleForWriting.close()
    }
    writer.start()
    let result = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    return Array(result)
}

public func gzip(_ text: String, level: Int = 6) throws -> [UInt8] { try gzip(Array(text.utf8), level: level) }
