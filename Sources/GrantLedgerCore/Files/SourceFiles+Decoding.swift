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
            if let encoding = Encoding.otherThanUTF8(bytes) {
                throw FileError(.badEncoding, "\(path) is in \(encoding), not UTF-8",
                                hint: "save it as UTF-8 (in Excel: Save As, CSV UTF-8; in an editor: Save with Encoding, UTF-8)",
                                at: SourceLocation(file: path, line: 1, column: 1))
            }
            try refuseCarriageReturnsAlone(bytes, path: path)
            return SourceFile(name: path, canonicalPath: canonical, bytes: bytes, identity: identity)
        case .text(let encoding):
            // UTF-8 read as a single-byte encoding would turn every £ into Â£ without a word.
            if encoding == .windows1252 || encoding == .latin1, bytes.contains(where: { $0 >= 0x80 }),
               TextEncoding.guess(bytes[...]) == nil {
                throw FileError(.badEncoding, "\(path) is UTF-8, not \(encoding.displayName): read as \(encoding.displayName), every character past ASCII would be garbled (£ as Â£)",
                                hint: "take the encoding line out of the rules: UTF-8 needs none",
                                at: SourceLocation(file: path, line: 1, column: 1))
            }
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

    private static func refuseCarriageReturnsAlone(_ bytes: [UInt8], path: String) throws(FileError) {
        if Encoding.endsLinesWithCarriageReturnsAlone(bytes) {
            throw FileError(.badEncoding, "\(path) ends its lines with carriage returns alone (classic Mac OS), so it would read as one line",
                            hint: "save it with Unix (LF) or Windows (CRLF) line ends",
                            at: SourceLocation(file: path, line: 1, column: 1))
        }
    }
}
