/// A broken promise found by a harness. It traps, so libFuzzer saves the input as a crash and the
/// message says which promise broke (a harness has no test framework to report to).
public func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                   file: StaticString = #fileID, line: UInt = #line) {
    guard condition() else {
        print("fuzz: broken promise at \(file):\(line): \(message())")
        preconditionFailure(message(), file: file, line: line)
    }
}
