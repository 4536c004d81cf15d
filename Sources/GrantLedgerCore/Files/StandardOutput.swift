import SystemPackage

/// The program's standard output, for what is written as it is made (a streamed register) rather
/// than handed over whole: every byte written, a failure told as the file doors tell theirs. The
/// system call lives here with the rest of the file I/O; when it is called is the command line's
/// `Console.stream`'s to say, which stays the one place the program writes to the terminal.
public enum StandardOutput {
    public static func write(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
        do {
            _ = try FileDescriptor.standardOutput.writeAll(bytes)
        } catch {
            throw FileError.system(error as? Errno ?? .ioError, "write", "standard output", written: true)
        }
    }
}
