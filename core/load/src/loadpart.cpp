#include "load/src/loadpart.h"

#include "load/src/blockreader.h"
#include "load/src/recorddraft.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>

namespace te::loader {

void Input::pin()
{
    if (bytes || pinned)
        return;
    auto file = std::make_shared<QFile>(path);
    if (file->open(QIODevice::ReadOnly | QIODevice::Unbuffered) && file->handle() >= 0)
        pinned = std::move(file);
}

namespace {
// A new open file description of an open file, with its own offset (a dup() would
// share the offset between threads): Linux names every open file in /proc/self/fd.
QString reopenPath(const QFile& file)
{
    const QString byDescriptor = QStringLiteral("/proc/self/fd/%1").arg(file.handle());
    return QFileInfo::exists(byDescriptor) ? byDescriptor : QString();
}
} // namespace

std::unique_ptr<QIODevice> Input::open() const
{
    std::unique_ptr<QIODevice> device;
    if (bytes) {
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(*bytes); // shares the bytes (implicit sharing), no copy
        device = std::move(buffer);
    } else {
        const QString reopened = pinned ? reopenPath(*pinned) : QString();
        device = std::make_unique<QFile>(reopened.isEmpty() ? path : reopened);
    }
    device->open(QIODevice::ReadOnly);
    return device;
}

qint64 Input::size() const
{
    if (bytes)
        return bytes->size();
    return pinned ? pinned->size() : QFileInfo(path).size();
}

void SharedState::report(bool isCallingThread)
{
    if (!isCallingThread || !options->progress || cancel.load())
        return;
    if (!options->progress({ bytesRead.load(), bytesTotal, runs.load() }))
        cancel = true;
}

void PartBuilder::problem(Problem::Severity severity, qint64 line, int column, QString message, qint64 run)
{
    if (severity == Problem::Severity::Error)
        ++m_part.rejected;
    else if (severity == Problem::Severity::Warning)
        ++m_part.warnings;
    if (m_part.problems.size() >= kMaxProblemsPerFile) {
        ++m_part.droppedProblems;
        return;
    }
    m_part.problems.push_back({ severity, m_file, line, column, std::move(message), run });
}

void PartBuilder::finishRecord(RecordDraft& draft, qint64 line, bool unterminated, const QString& label)
{
    std::optional<std::uint32_t> run;
    if (!draft.isRejected())
        run = draft.commit(m_part.dataset, line, m_warnings);
    if (!run) {
        if (unterminated) {
            problem(Problem::Severity::Info, line, 0,
                QStringLiteral("the last line is incomplete (no newline yet; it may still be being written) "
                               "and was not loaded: ")
                    + draft.rejectReason());
        } else {
            problem(Problem::Severity::Error, line, draft.rejectColumn(), label + draft.rejectReason());
        }
        m_warnings.clear();
        return;
    }
    if (unterminated) {
        m_part.lastRunUnterminated = true;
        m_part.dataset.markWarning(*run);
        m_warnings.push_back(
            QStringLiteral("the last line has no newline yet; it parsed as a whole record and was kept"));
    }
    for (auto& warning : m_warnings)
        problem(Problem::Severity::Warning, line, 0, label + warning, *run);
    m_warnings.clear();
}

void renumberPart(Part& part, qint64 lineOffset, qint64 runOffset)
{
    if (lineOffset != 0)
        part.dataset.shiftLines(lineOffset);
    for (auto& problem : part.problems) {
        if (problem.line > 0)
            problem.line += lineOffset;
        if (problem.run >= 0)
            problem.run += runOffset;
    }
}

void mergePart(Part& into, Part&& part)
{
    renumberPart(part, into.lines, into.dataset.runCount());
    into.dataset.append(std::move(part.dataset));
    part.dataset = TimingDataset(); // frees the part before the next one is appended
    into.problems.insert(into.problems.end(), std::make_move_iterator(part.problems.begin()),
        std::make_move_iterator(part.problems.end()));
    into.lines += part.lines;
    into.rejected += part.rejected;
    into.warnings += part.warnings;
    into.droppedProblems += part.droppedProblems;
    into.completeEnd = part.completeEnd;
    into.lastRunUnterminated = part.lastRunUnterminated;
}

std::string_view trimSpaceTabCr(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

void skipBom(BlockReader& reader)
{
    if (reader.unreadView().substr(0, 3) == kBom)
        reader.consume(3);
}

} // namespace te::loader
