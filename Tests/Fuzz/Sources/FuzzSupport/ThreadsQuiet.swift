import Foundation

/// Waits for threads a reading started to be gone. The split reader's range threads signal that
/// their work is done before they exit, and each frees its `Thread` as it exits, after the harness
/// may have returned: libFuzzer would then see more mallocs than frees in every run and scan the
/// heap for leaks each time (seven times slower). Counting this process's threads in
/// /proc/self/task until it falls back to `baseline` (at most 200 ms) makes each run whole.
public enum ThreadsQuiet {
    public static func count() -> Int {
        guard let directory = opendir("/proc/self/task") else { return 0 }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            if entry.pointee.d_name.0 != UInt8(ascii: ".") { count += 1 }
        }
        return count
    }

    public static func wait(toAtMost baseline: Int) {
        for _ in 0..<2000 where count() > baseline {
            usleep(100)
        }
    }
}
