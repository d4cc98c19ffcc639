#pragma once

#include "data/columnmapping.h"
#include "data/problem.h"
#include "data/timingdataset.h"
#include "load/loadprojection.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace te {

struct LoadProgress
{
    qint64 bytesRead = 0;
    qint64 bytesTotal = 0;
    qint64 runsLoaded = 0;
};

/// How an OpenTelemetry or Chrome trace reads sibling spans that share a name (repeated tool
/// calls): as numbered nodes, "tool_call#1", "tool_call#2" in start-time order, or
/// as one node holding the sum of their durations.
enum class SameNameSpans
{
    Number,
    Sum
};

/// How a Chrome trace is cut into runs: one per process (pid), or one per
/// top-level event (an event no other event of its thread contains).
enum class ChromeRuns
{
    Process,
    TopLevel
};

struct LoadOptions
{
    QStringList files; ///< paths, or Qt resource paths (":/...")
    std::optional<ColumnMapping> mapping;
    /// The table of a SQLite input to read as flat rows (in the shapes CSV has);
    /// empty: the timing-storage tables when present, else the only table.
    QString table;
    SameNameSpans sameNameSpans = SameNameSpans::Number; ///< OpenTelemetry and Chrome traces
    ChromeRuns chromeRuns = ChromeRuns::Process;
    /// What to keep; everything by default (see LoadProjection for what a
    /// projected load does not check).
    LoadProjection projection;
    int threads = 0; ///< 0: as many as the machine has cores
    /// Called from the loading thread now and then; return false to cancel.
    std::function<bool(const LoadProgress&)> progress;
};

/// What was read of one input file.
struct FileSummary
{
    QString path;
    QString name; ///< the `source` its runs carry
    /// The format it was read as ("JSON Lines", "CSV"); empty when no reader read it.
    QString format;
    /// "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" for a file read through its
    /// byte order mark as UTF-8 (`bytes` and `completeBytes` then count UTF-8
    /// bytes, and a follower loads it again whole); empty for UTF-8.
    QString encoding;
    bool readable = false;
    qint64 bytes = 0;
    qint64 lines = 0;
    qint64 runs = 0;
    qint64 rejectedLines = 0;
    qint64 warnings = 0;
    /// Bytes up to and including the last newline: where a follower resumes.
    qint64 completeBytes = 0;
    /// True when the last line had no newline yet and was kept anyway.
    bool lastRunUnterminated = false;
    /// The file's first bytes (up to 4 KiB): a follower compares them to tell an
    /// appended file from a replaced one.
    QByteArray headSignature;
};

struct LoadResult
{
    TimingDataset dataset;
    ProblemList problems;
    std::vector<FileSummary> files;
    bool cancelled = false;

    qint64 rejectedLines() const;
    qint64 warningCount() const;
    bool anyFileUnreadable() const;
    /// "N runs loaded, M lines rejected, K warnings"
    QString summaryLine() const;
};

/// Loads timing files of any supported shape into one dataset.
///
/// Accepts JSON Lines (every record shape JsonlRecordParser knows, mixed freely)
/// and CSV (legacy wide, flat or summary; delimiter sniffed from `,` `;` tab;
/// RFC 4180 quoting), with or without a UTF-8 BOM and CRLF line ends. Files are
/// streamed in blocks, never read whole; large JSONL files are split at newlines
/// and read on several threads, the runs kept in file order.
///
/// Reports every rejected line, every kept-but-suspicious run and every unreadable,
/// empty or binary file as a Problem naming the file and line; the good lines
/// around a bad one always load. Never modifies an input and never throws.
/// Each run gets `source` (the file name, unless the record carries its own) and
/// its line number. Duplicate (registration_id, timestamp, model) runs are kept
/// and warned about.
LoadResult loadTimingFiles(const LoadOptions& options);

/// Loads `bytes` exactly as loadTimingFiles loads a file named `name` with that
/// content (`options.files` is ignored): the same sniffing, parsers and problems,
/// without a file on disk. For tests and fuzzing; the result cannot be followed
/// with appendNewLines.
LoadResult loadTimingBytes(const QByteArray& bytes, const QString& name, const LoadOptions& options);

} // namespace te
