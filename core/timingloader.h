#pragma once

#include "columnmapping.h"
#include "loadprojection.h"
#include "problem.h"
#include "timingdataset.h"

#include <QByteArray>
#include <QString>
#include <QList>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace te {

enum class InputFormat
{
    Unknown,
    JsonLines,
    Csv
};

struct LoadProgress
{
    qint64 bytesRead = 0;
    qint64 bytesTotal = 0;
    qint64 runsLoaded = 0;
};

struct LoadOptions
{
    QStringList files; ///< paths, or Qt resource paths (":/...")
    std::optional<ColumnMapping> mapping;
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
    InputFormat format = InputFormat::Unknown;
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

/// Brings `result`, a load of `options.files`, up to date with what was appended to
/// file `fileIndex` since, as if the file had been loaded again: reads only the bytes
/// after its `completeBytes` (plus its first 4 KiB, and a CSV file's header), on the
/// calling thread, and appends the runs of the new lines with their problems, line
/// numbers and `source`. A last line read before without its newline is read again:
/// its run, if it was kept, and its problems are replaced. New runs are checked for
/// duplicates of all runs (a scan of the whole dataset). `options.progress` is
/// called as during a load.
///
/// True when `result` is up to date (also when nothing was appended). False, with
/// nothing changed, when the caller must load again: the file shrank, its first
/// bytes changed (it was replaced; a replacement with the same first bytes and no
/// smaller goes unnoticed), it cannot be read, it was empty or unusable when loaded,
/// its CSV header cannot be read again, the read was cancelled, or a later file has
/// runs: the dataset keeps the files' runs in order, so only the last file with
/// runs can grow in place.
bool appendNewLines(LoadResult& result, std::size_t fileIndex, const LoadOptions& options);

/// One update of a followed load: a copy of the earlier load (`dataset`, `problems`,
/// `files`, which stay untouched: views may be showing them) grown by appendNewLines
/// for each of `changedFiles` (indices into `files`), or, when any of them cannot
/// grow in place, a fresh loadTimingFiles(options). Only a fresh load reports to
/// `options.progress`, and only a fresh load can come back cancelled. `reloaded`,
/// when given, tells which of the two happened.
LoadResult followUpdate(const TimingDataset& dataset, const std::vector<Problem>& problems,
    const std::vector<FileSummary>& files, const QList<int>& changedFiles, const LoadOptions& options,
    bool* reloaded = nullptr);

QString formatName(InputFormat format);

} // namespace te
