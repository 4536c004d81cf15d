import Foundation

/// A broken promise found by a harness. It traps, so libFuzzer saves the input as a crash; the
/// message goes to standard error first, unbuffered, saying which promise broke (a harness has no
/// test framework to report to).
public func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                   file: StaticString = #fileID, line: UInt = #line) {
    guard condition() else {
        FileHandle.standardError.write(Data("fuzz: broken promise at \(file):\(line): \(message())\n".utf8))
        preconditionFailure("broken promise", file: file, line: line)
    }
}
