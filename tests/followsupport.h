#pragma once

// Helpers for the tests of following growing files: records in JSONL and CSV,
// appending to a file, and comparing a followed result with a fresh load.

#include "testsupport.h"

#include <QFile>

namespace te::test {

inline QByteArray jsonlRecord(int id, double total, int model = 0, int timestampOffset = -1)
{
    const int offset = timestampOffset < 0 ? id : timestampOffset;
    return "{\"registration_id\": \"R" + QByteArray::number(id) + "\", \"model\": \"m"
        + QByteArray::number(model) + "\", \"timestamp\": " + QByteArray::number(1736850600 + offset)
        + ", \"total_seconds\": " + QByteArray::number(total, 'g', 17)
        + ", \"phase1_total_seconds\": " + QByteArray::number(total / 2, 'g', 17) + "}";
}

inline QByteArray csvHeader(char delimiter)
{
    QByteArray header("registration_id,model,timestamp,total_seconds,phase1_total_seconds\n");
    header.replace(',', delimiter);
    return header;
}

inline QByteArray csvRecord(int id, double total, char delimiter, int model = 0, int timestampOffset = -1)
{
    const int offset = timestampOffset < 0 ? id : timestampOffset;
    QByteArray totalText = QByteArray::number(total, 'f', 3);
    QByteArray phaseText = QByteArray::number(total / 2, 'f', 4);
    if (delimiter != ',') { // decimal commas, as spreadsheets in such locales write
        totalText.replace('.', ',');
        phaseText.replace('.', ',');
    }
    const QByteArray d(1, delimiter);
    return "R" + QByteArray::number(id) + d + "\"m" + QByteArray::number(model) + "\"" + d
        + QByteArray::number(1736850600 + offset) + d + totalText + d + phaseText;
}

inline bool writeBytes(const QString& path, const QByteArray& bytes, bool append = true)
{
    QFile file(path);
    const auto mode = QIODevice::WriteOnly | (append ? QIODevice::Append : QIODevice::Truncate);
    return file.open(mode) && file.write(bytes) == bytes.size();
}

inline LoadOptions optionsFor(const QStringList& files)
{
    LoadOptions options;
    options.files = files;
    return options;
}

inline int runsWithId(const TimingDataset& data, const QString& id)
{
    int n = 0;
    for (std::uint32_t run = 0; run < data.runCount(); ++run)
        n += data.fieldValue(run, TimingDataset::RegistrationId) == id;
    return n;
}

inline QStringList problemTexts(const LoadResult& result)
{
    QStringList texts;
    for (const Problem& p : result.problems)
        texts.append(severityName(p.severity) + u' ' + p.toString() + u" run " + QString::number(p.run));
    texts.sort();
    return texts;
}

// `followed` must hold what a fresh load of the same files holds.
inline void compareWithFreshLoad(const LoadResult& followed, const LoadOptions& options)
{
    const LoadResult fresh = loadTimingFiles(options);
    const TimingDataset& a = followed.dataset;
    const TimingDataset& b = fresh.dataset;
    QCOMPARE(a.runCount(), b.runCount());
    const int totalA = TimingDataset::kRootMetric;
    const int phaseA = a.metricId(u"phase1");
    const int phaseB = b.metricId(u"phase1");
    for (std::uint32_t run = 0; run < a.runCount(); ++run) {
        for (int field : { int(TimingDataset::RegistrationId), int(TimingDataset::Model),
                 int(TimingDataset::Timestamp), int(TimingDataset::Source) })
            QCOMPARE(a.fieldValue(run, field), b.fieldValue(run, field));
        QCOMPARE(a.line(run), b.line(run));
        QCOMPARE(a.value(run, totalA), b.value(run, totalA));
        const double nan = std::nan("");
        QCOMPARE(phaseA < 0 ? nan : a.value(run, phaseA), phaseB < 0 ? nan : b.value(run, phaseB));
        QCOMPARE(a.hasWarning(run), b.hasWarning(run));
    }
    QCOMPARE(followed.files.size(), fresh.files.size());
    for (std::size_t i = 0; i < fresh.files.size(); ++i) {
        const FileSummary& f = followed.files[i];
        const FileSummary& g = fresh.files[i];
        QCOMPARE(f.bytes, g.bytes);
        QCOMPARE(f.lines, g.lines);
        QCOMPARE(f.runs, g.runs);
        QCOMPARE(f.rejectedLines, g.rejectedLines);
        QCOMPARE(f.warnings, g.warnings);
        QCOMPARE(f.completeBytes, g.completeBytes);
        QCOMPARE(f.lastRunUnterminated, g.lastRunUnterminated);
        QCOMPARE(f.headSignature, g.headSignature);
    }
    QCOMPARE(problemTexts(followed), problemTexts(fresh));
}

} // namespace te::test
