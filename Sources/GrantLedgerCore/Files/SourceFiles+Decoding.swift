extension SourceFiles {
    /// The file `bytes` make when read in `format`. UTF-8 text is refused when it says it is UTF-16
    /// or UTF-32 or ends its lines with carriage returns alone; converted text is refused, at the
    /// line and column of the first byte that is not a character of its encoding, and checked for
    /// line ends once converted; binary is taken as it is.
    static func decode(_ bytes: [UInt8], path: String, canonical: String, identity: FileIdentity,
                       format: InputFormat) throws(FileError) -> SourceFile {
        switch format {
        case .binary:
            return SourceFile(name: path, canonicalPath: canonical, bytes: bytes, identity: identity)
        case .text(.utf8):
            try refuseOtherThanUTF8(bytes, path: path)
            try refuseCarriageReturnsAlone(bytes, path: path)
            return SourceFile(name: path, canonicalPath: canonical, bytes: bytes, identity: identity)
        case .text(let encoding):
            if encoding == .windows1252 || encoding == .latin1 { try refuseOtherThanSingleByte(bytes, path: path, encoding) }
            switch encoding.utf8(bytes) {
            case .success(let converted):
                try refuseCarriageReturnsAlone(converted, path: path)
                return SourceFile(name: path, canonicalPath: canonical, bytes: converted, identity: identity,
                                  convertedFrom: (encoding, bytes))
            case .failure(let problem):
                throw FileError(.badEncoding, "\(path) is not \(encoding.displayName) text: \(problem.message)",
                                hint: "check the encoding the rules name is the one the export is saved in",
                                at: encoding.location(of: problem.byteOffset, in: bytes, file: path))
            }
        }
    }

    /// A large UTF-8 file left on disk (see `DiskBytes`), held to what `decode` holds UTF-8 to: its
    /// first bytes say whether it is UTF-16 or UTF-32; it has a line end, or no carriage return.
    static func leftOnDisk(_ disk: DiskBytes, canonical: String) throws(FileError) -> SourceFile {
        let path = disk.path
        let head = try disk.bytes(0..<min(disk.size, 1 << 16))
        try refuseOtherThanUTF8(head, path: path)
        // A line end in the first bytes, as nearly every file has, settles it; else every window is looked at.
        if !head.contains(ASCII.newline) {
            var newline = false, carriageReturn = false
            guard disk.forEachWindow(0..<disk.size, { window, _ in
                newline = window.contains(ASCII.newline)
                carriageReturn = carriageReturn || window.contains(ASCII.carriageReturn)
                return !newline
            }) else { throw disk.problem ?? FileError(.readFailed, "cannot read \(path)", hint: "check the file") }
            if !newline && carriageReturn { try refuseCarriageReturnsAlone([ASCII.carriageReturn], path: path) }
        }
        return SourceFile(name: path, canonicalPath: canonical, disk: disk, head: head)
    }

    /// A file named Windows-1252 or Latin-1 that is not: UTF-8 (every £ would be Â£), UTF-16 (a
    /// zero byte beside every letter), UTF-8 mixed in (a second program's lines), or, for Latin-1,
    /// Windows-1252's printable bytes 0x80–0x9F, which Latin-1 reads as invisible control characters.
    private static func refuseOtherThanSingleByte(_ bytes: [UInt8], path: String, _ encoding: TextEncoding) throws(FileError) {
        let top = SourceLocation(file: path, line: 1, column: 1)
        if let other = Encoding.otherThanUTF8(bytes) {
            throw FileError(.badEncoding, "\(path) is in \(other), not \(encoding.displayName)",
                            hint: "write the encoding the file is in (encoding utf-16), or save the export as CSV UTF-8", at: top)
        }
        guard bytes.contains(where: { $0 >= 0x80 }) else { return }
        if TextEncoding.guess(bytes[...]) == nil {
            throw FileError(.badEncoding, "\(path) is UTF-8, not \(encoding.displayName): read as \(encoding.displayName), every character past ASCII would be garbled (£ as Â£)",
                            hint: "take the encoding line out of the rules: UTF-8 needs none", at: top)
        }
        if let offset = TextEncoding.firstUTF8Sequence(bytes) {
            throw FileError(.badEncoding, "\(path) mixes two encodings: UTF-8 here, \(encoding.displayName) elsewhere",
                            hint: "export the file again in one encoding, better UTF-8 (CSV UTF-8)",
                            at: TextEncoding.utf8.location(of: offset, in: bytes, file: path))
        }
        if encoding == .latin1, let offset = bytes.firstIndex(where: { (0x80...0x9F).contains($0) }) {
            throw FileError(.badEncoding, "\(path) has byte 0x\(TextEncoding.hex(bytes[offset])), a control character in Latin-1: it is Windows-1252 text",
                            hint: "write encoding windows-1252 in the rules", at: encoding.location(of: offset, in: bytes, file: path))
        }
    }

    /// UTF-8 text that says (by its first bytes) it is UTF-16 or UTF-32.
    private static func refuseOtherThanUTF8(_ bytes: [UInt8], path: String) throws(FileError) {
        guard let encoding = Encoding.otherThanUTF8(bytes) else { return }
        throw FileError(.badEncoding, "\(path) is in \(encoding), not UTF-8",
                        hint: "save it as UTF-8 (in Excel: Save As, CSV UTF-8; in an editor: Save with Encoding, UTF-8)",
                        at: SourceLocation(file: path, line: 1, column: 1))
    }

    private static func refuseCarriageReturnsAlone(_ bytes: [UInt8], path: String) throws(FileError) {
        if Encoding.endsLinesWithCarriageReturnsAlone(bytes) {
            throw FileError(.badEncoding, "\(path) ends its lines with carriage returns alone (classic Mac OS), so it would read as one line",
                            hint: "save it with Unix (LF) or Windows (CRLF) line ends",
                            at: SourceLocation(file: path, line: 1, column: 1))
        }
    }
}
