import Foundation

/// Ctrl-C (SIGINT) or a terminate (SIGTERM) while a progress line is on the terminal: the line is
/// erased, then the signal is given back its default action and raised again, so the program
/// still dies of it (exit status 130 or 143, as a shell script expects) and the prompt starts on a
/// clean line. Installed only once a line has been drawn, and only over the default action: a
/// signal the caller chose to ignore (`nohup`, a background job) stays ignored.
enum ProgressSignals {
    static func install() {
        for signal in [SIGINT, SIGTERM] {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0, handler(current) == nil else { continue }
            var action = sigaction()
            setHandler(&action) { received in
                // Only what is safe in a signal handler: write (of static text), signal and raise.
                let erase: StaticString = "\r\u{1B}[K"
                _ = write(STDERR_FILENO, erase.utf8Start, erase.utf8CodeUnitCount)
                _ = Foundation.signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    // The handler's field is spelled differently by glibc and Darwin.
    #if os(Linux)
    private static func handler(_ action: sigaction) -> (@convention(c) (Int32) -> Void)? { action.__sigaction_handler.sa_handler }
    private static func setHandler(_ action: inout sigaction, _ handler: @escaping @convention(c) (Int32) -> Void) {
        action.__sigaction_handler.sa_handler = handler
    }
    #else
    private static func handler(_ action: sigaction) -> (@convention(c) (Int32) -> Void)? { action.__sigaction_u.__sa_handler }
    private static func setHandler(_ action: inout sigaction, _ handler: @escaping @convention(c) (Int32) -> Void) {
        action.__sigaction_u.__sa_handler = handler
    }
    #endif
}
