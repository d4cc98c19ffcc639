#include "load/src/appendpart.h"

namespace te::loader {

namespace {

void fillMissingSource(TimingDataset& dataset, const QString& source)
{
    const QByteArray utf8 = source.toUtf8();
    dataset.fillField(TimingDataset::Source, { utf8.constData(), static_cast<std::size_t>(utf8.size()) });
}

void noteDroppedProblems(Part& part, const QString& path)
{
    if (part.droppedProblems == 0)
        return;
    part.problems.push_back({ Problem::Severity::Info, path, 0, 0,
        QStringLiteral("%1 more problems not listed").arg(part.droppedProblems), -1 });
}

void appendRuns(TimingDataset& into, TimingDataset&& runs)
{
    // Most loads are one file: taking its dataset whole saves a copy of every run.
    if (into.runCount() == 0)
        into = std::move(runs);
    else
        into.append(std::move(runs));
    runs = TimingDataset();
}

} // namespace

void appendPart(LoadResult& result, std::size_t fileIndex, Part&& part)
{
    FileSummary& summary = result.files[fileIndex];
    renumberPart(part, summary.lines, result.dataset.runCount());
    noteDroppedProblems(part, summary.path);
    fillMissingSource(part.dataset, summary.name);
    summary.lines += part.lines;
    summary.runs += part.dataset.runCount();
    summary.rejectedLines += part.rejected;
    summary.warnings += part.warnings;
    summary.completeBytes = part.completeEnd;
    summary.lastRunUnterminated = part.lastRunUnterminated;
    appendRuns(result.dataset, std::move(part.dataset));
    result.problems.insert(result.problems.end(), std::make_move_iterator(part.problems.begin()),
        std::make_move_iterator(part.problems.end()));
    part.problems.clear();
}

} // namespace te::loader
