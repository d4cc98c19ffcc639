#pragma once

// Internal to the loader: the interface every input format implements.
//
// A reader turns the bytes of one input into the runs and problems of a Part.
//  - It accepts any input whose first bytes it recognises (canRead): it is handed
//    the whole input, not only what it recognised, and reads at most its first
//    `size` bytes (the size the loader saw when it opened the input).
//  - It reports every rejected record, every kept-but-suspicious run and every
//    file-level problem through a PartBuilder on that Part, naming the line (from
//    1) and, where it knows one, the column. Lines in the Part count from the
//    start of what the reader was asked to read; the loader renumbers them.
//  - It counts in Part::lines the lines it read (the records, for a format
//    without lines), sets Part::completeEnd after the last record it read whole
//    (a reader of whole inputs: the size it read), and Part::lastRunUnterminated
//    when it kept a last record that may still be being written.
//  - It reports progress through SharedState (bytesRead, runs, report) and stops
//    early when SharedState::cancel is set.
//  - It never throws, never modifies an input, and never fills in a missing
//    `source` (the loader gives runs without one the file's name).
// How a reader reads is its own business: line by line, in parallel byte ranges
// (JSON Lines), header then rows (CSV), or the whole input at once. A format that
// can read what was appended to a file since it was read overrides readAppended;
// one that cannot leaves it, and a follower then reloads the file.
//
// To add a format: a folder beside jsonl/ and csv/ with a class derived from
// InputReader and a function that returns its one instance (see jsonlinputreader.h),
// its files in core/load/CMakeLists.txt, and one entry in the list in
// readerregistry.cpp (with the include of that function). Readers are asked in the
// list's order; the first whose canRead says yes reads the input.

#include "load/src/loadpart.h"

#include <QString>
#include <string_view>

namespace te::loader {

/// The first bytes of an input, which tell a reader whether the input is its own.
struct InputHead
{
    std::string_view bytes; ///< up to the first 64 KiB, after a UTF-8 byte order mark
    QString fileName; ///< the input's file name, without its folder

    bool containsNul() const { return bytes.find('\0') != std::string_view::npos; }
    /// True when every byte is a space, tab, CR or LF (or there is none).
    bool isBlank() const { return bytes.find_first_not_of(kBlanks) == std::string_view::npos; }
    /// The first byte that is no space, tab, CR or LF; '\0' when the head is blank.
    char firstNonBlank() const
    {
        const auto first = bytes.find_first_not_of(kBlanks);
        return first == std::string_view::npos ? '\0' : bytes[first];
    }

private:
    static constexpr std::string_view kBlanks = " \t\r\n";
};

/// Reads one input format into a Part (see the contract above).
class InputReader
{
public:
    virtual ~InputReader() = default;

    /// The format's name, which FileSummary::format carries: "JSON Lines", "CSV".
    virtual QString formatName() const = 0;
    /// Whether this reader reads an input that starts with `head`. Never asked about
    /// an input of blanks only (that is empty, whatever its format), nor, unless it
    /// reads a binary format, about one with NUL bytes.
    virtual bool canRead(const InputHead& head) const = 0;
    /// True for a binary format: it is asked about inputs with NUL bytes too.
    virtual bool readsBinary() const { return false; }
    /// Why this build cannot read the format on this machine; empty when it can.
    virtual QString unavailableReason() const { return {}; }
    /// Reads the first `size` bytes of `input` into `part`, on the calling thread or
    /// on threads of its own that it joins before it returns. False when the input
    /// cannot be used as a whole (a problem in `part` says why): the file then
    /// counts as unreadable, though it may still have runs and problems.
    virtual bool read(const Input& input, qint64 size, SharedState& shared, Part& part) const = 0;
    /// Reads the bytes [begin, end) of an input read before, on the calling thread:
    /// `begin` is where that read's last whole record ended (Part::completeEnd), and
    /// what follows was appended since or is read again. Lines and runs count from
    /// `begin`. False when the format cannot append there: the caller then reads
    /// the whole input again. Formats that never append keep this one.
    virtual bool readAppended(const Input& /*input*/, qint64 /*begin*/, qint64 /*end*/,
        SharedState& /*shared*/, Part& /*part*/) const
    {
        return false;
    }
};

} // namespace te::loader
