#pragma once

// Internal to the loader: the shared state of one load and the runs and problems
// of one part of one file. Not part of the core's public interface.

#include "data/problem.h"
#include "data/timingdataset.h"
#include "load/timingloader.h"

#include <QFile>
#include <QIODevice>
#include <atomic>
#include <memory>
#include <string_view>

namespace te {

class BlockReader;
class RecordDraft;

namespace loader {

constexpr std::size_t kBlockSize = 1 << 20;
constexpr std::size_t kMaxLineBytes = std::size_t { 16 } << 20;
constexpr qint64 kParallelMinBytes = 8 << 20;
constexpr std::size_t kMaxProblemsPerFile = 100000;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
/// How many of a file's first bytes FileSummary::headSignature keeps.
constexpr qint64 kHeadSignatureBytes = 4096;

/// One input of a load: the file (or Qt resource) at `path`, or bytes already in
/// memory that stand for a file of that name (loadTimingBytes). Each reader opens
/// its own device, so a large input can be read on several threads.
struct Input
{
    QString path; ///< what problems name; the file to read unless `bytes` is set
    const QByteArray* bytes = nullptr;

    /// Opens the file at `path` once and holds it open: every later open() then
    /// reads that same file, even when another is renamed over `path` meanwhile
    /// (a rotating log), so one load never mixes two files. Without it, or where
    /// the held file cannot be reopened (a Qt resource), open() opens `path`.
    void pin();
    /// A device on the input, open for reading when it can be; when it is not,
    /// its errorString() says why.
    std::unique_ptr<QIODevice> open() const;
    qint64 size() const;

    std::shared_ptr<QFile> pinned = nullptr; ///< set by pin()
    /// The text of a UTF-16 or UTF-32 file made UTF-8, which `bytes` then points to.
    std::shared_ptr<const QByteArray> decoded = nullptr;
};

struct SharedState
{
    const LoadOptions* options = nullptr;
    std::atomic<qint64> bytesRead { 0 };
    std::atomic<qint64> runs { 0 };
    std::atomic<bool> cancel { false };
    qint64 bytesTotal = 0;

    const ColumnMapping* mapping() const { return options->mapping ? &*options->mapping : nullptr; }
    /// The projection, or nullptr when everything is kept.
    const LoadProjection* projection() const
    {
        const LoadProjection& p = options->projection;
        return p.keepsAllMetrics() && p.keepsAllFields() ? nullptr : &p;
    }
    /// Calls the progress callback; only the thread that called loadTimingFiles does.
    void report(bool isCallingThread);
};

/// The runs and problems of one byte range of one file.
struct Part
{
    TimingDataset dataset;
    ProblemList problems;
    qint64 lines = 0;
    qint64 rejected = 0;
    qint64 warnings = 0;
    qint64 droppedProblems = 0;
    qint64 completeEnd = 0; ///< file offset after the last newline seen
    bool lastRunUnterminated = false;
};

/// Adds `lineOffset` to the part's line numbers (its runs' and its problems') and
/// `runOffset` to the run indices its problems name: what a part needs before it is
/// appended after `lineOffset` lines and `runOffset` runs.
void renumberPart(Part& part, qint64 lineOffset, qint64 runOffset);

/// Appends `part` (the next byte range of the same file) to `into`, renumbering
/// its lines and runs, and frees it.
void mergePart(Part& into, Part&& part);

/// Records problems and commits drafts into a Part.
class PartBuilder
{
public:
    PartBuilder(Part& part, const QString& file)
        : m_part(part)
        , m_file(file)
    { }

    void problem(Problem::Severity severity, qint64 line, int column, QString message, qint64 run = -1);
    /// Commits a parsed draft, or reports why it was rejected. An unterminated
    /// last line that does not parse is reported as incomplete, not as an error.
    /// `label` starts every message about the record ("record 3: "), for formats
    /// whose records are not told by their line alone.
    void finishRecord(RecordDraft& draft, qint64 line, bool unterminated, const QString& label = {});

private:
    Part& m_part;
    const QString& m_file;
    std::vector<QString> m_warnings;
};

/// `s` without the spaces, tabs and CRs at either end (a CSV field, a line before its LF).
std::string_view trimSpaceTabCr(std::string_view s);
void skipBom(BlockReader& reader);

} // namespace loader
} // namespace te
