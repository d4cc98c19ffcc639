#include "load/rawline.h"
#include "models/problemlistmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>

using namespace te;
using namespace te::test;

class TestProblemListModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QString fixture(const QString& name) { return QFINDTESTDATA(u"data/"_qs + name); }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    /// malformed.jsonl: lines 2, 4, 6, 7 rejected; ragged.csv: lines 3, 4, 6;
    /// duplicates.jsonl: a warning on line 2, about run 7 of the combined load.
    static ProblemList problems()
    {
        return loadFixtures({ u"malformed.jsonl"_qs, u"ragged.csv"_qs, u"duplicates.jsonl"_qs }).problems;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void rowsAndColumns()
    {
        ProblemListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProblems(problems());
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.columnCount(), int(ProblemListModel::ColumnCount));
        QCOMPARE(model.headerData(ProblemListModel::MessageColumn, Qt::Horizontal).toString(), u"Message"_qs);

        const QModelIndex first = model.index(0, ProblemListModel::SeverityColumn);
        QCOMPARE(first.data().toString(), u"Error"_qs);
        QCOMPARE(first.data(ProblemListModel::SortRole).toInt(), int(Problem::Severity::Error));
        QCOMPARE(
            first.siblingAtColumn(ProblemListModel::FileColumn).data().toString(), u"malformed.jsonl"_qs);
        QCOMPARE(first.siblingAtColumn(ProblemListModel::FileColumn).data(Qt::ToolTipRole).toString(),
            fixture(u"malformed.jsonl"_qs));
        QCOMPARE(first.siblingAtColumn(ProblemListModel::LineColumn).data().toString(), u"2"_qs);
        QCOMPARE(
            first.siblingAtColumn(ProblemListModel::LineColumn).data(ProblemListModel::SortRole).toLongLong(),
            2);
        QVERIFY(first.siblingAtColumn(ProblemListModel::MessageColumn)
                    .data()
                    .toString()
                    .startsWith(u"malformed JSON"_qs));

        const QModelIndex warning = model.index(7, ProblemListModel::SeverityColumn);
        QCOMPARE(warning.data().toString(), u"Warning"_qs);
        QCOMPARE(
            warning.siblingAtColumn(ProblemListModel::FileColumn).data().toString(), u"duplicates.jsonl"_qs);
        // 4 + 2 runs come before it from the other files; it is the second of its own.
        QCOMPARE(model.problems()[7].run, qint64 { 7 });

        // A file-wide problem has no line to show.
        model.setProblems(
            { { Problem::Severity::Error, u"/nowhere/gone.jsonl"_qs, 0, 0, u"cannot read"_qs, -1 } });
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, ProblemListModel::LineColumn).data().toString().isEmpty());
        QCOMPARE(model.index(0, ProblemListModel::LineColumn).data(Qt::ToolTipRole).toString(),
            u"The whole file"_qs);
        model.setProblems({});
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsOnRawValuesThroughAProxy()
    {
        ProblemListModel model;
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(ProblemListModel::SortRole);
        model.setProblems(problems());

        // Line 10 sorts above line 7 as a number; as text "7" > "10".
        ProblemList list = problems();
        list.push_back({ Problem::Severity::Info, list.front().file, 10, 0, u"incomplete last line"_qs, -1 });
        model.setProblems(std::move(list));
        proxy.sort(ProblemListModel::LineColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, ProblemListModel::LineColumn).data().toString(), u"10"_qs);
        QCOMPARE(proxy.index(1, ProblemListModel::LineColumn).data().toString(), u"7"_qs);

        // Errors first, then the warning, then the info.
        proxy.sort(ProblemListModel::SeverityColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), u"Error"_qs);
        QCOMPARE(proxy.index(7, 0).data().toString(), u"Warning"_qs);
        QCOMPARE(proxy.index(8, 0).data().toString(), u"Info"_qs);
        // The row's place in the source list survives the sort.
        QCOMPARE(proxy.index(8, 0).data(ProblemListModel::ProblemIndexRole).toInt(), 8);

        proxy.sort(ProblemListModel::FileColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, ProblemListModel::FileColumn).data().toString(), u"ragged.csv"_qs);
    }

    void readRawLineReturnsTheBadLine()
    {
        const QString malformed = fixture(u"malformed.jsonl"_qs);
        QCOMPARE(readRawLine(malformed, 2),
            std::optional<QByteArray>("{\"registration_id\":\"X\",\"total_seconds\":"));
        QCOMPARE(readRawLine(malformed, 4), std::optional<QByteArray>("{\"a\":1} trailing"));
        QCOMPARE(readRawLine(malformed, 8),
            std::optional<QByteArray>("{\"registration_id\":\"G4\",\"model\":\"m\",\"total_seconds\":4}"));
        QCOMPARE(readRawLine(malformed, 2, 5), std::optional<QByteArray>("{\"reg"));
        QCOMPARE(readRawLine(malformed, 9), std::nullopt); // 8 lines, the last one terminated
        QCOMPARE(readRawLine(malformed, 0), std::nullopt);
        QCOMPARE(readRawLine(m_dir.filePath(u"missing.jsonl"_qs), 1), std::nullopt);
    }

    void readRawLineStripsCrlf()
    {
        const QString path = fixture(u"bom_crlf.csv"_qs);
        QCOMPARE(
            readRawLine(path, 1), std::optional<QByteArray>("\xEF\xBB\xBFregistration_id,total_seconds"));
        QCOMPARE(readRawLine(path, 2), std::optional<QByteArray>("C1,1.25"));
        QCOMPARE(readRawLine(path, 3), std::optional<QByteArray>("C2,2.75"));
        QCOMPARE(readRawLine(path, 4), std::nullopt);
        // A cap that cuts between '\r' and '\n' still leaves the '\r' out.
        QCOMPARE(readRawLine(path, 2, 7), std::optional<QByteArray>("C1,1.25"));
        QCOMPARE(readRawLine(path, 2, 8), std::optional<QByteArray>("C1,1.25"));
    }

    void readRawLineEmptyAndUnterminatedLines()
    {
        const QString path = writeFile(u"gaps.txt"_qs, "a\n\nlast");
        QCOMPARE(readRawLine(path, 2), std::optional<QByteArray>(""));
        QCOMPARE(readRawLine(path, 3), std::optional<QByteArray>("last"));
        QCOMPARE(readRawLine(path, 4), std::nullopt);
        QCOMPARE(readRawLine(writeFile(u"empty.txt"_qs, {}), 1), std::nullopt);
    }

    void readRawLineLongLinesAcrossBlocks()
    {
        // A 200 000-byte line, then a line ending split across the reader's 64 KiB blocks.
        const QByteArray huge(200000, 'x');
        const QString path = writeFile(u"long.txt"_qs, "short\r\n" + huge + "\r\nafter\r\n");
        const auto capped = readRawLine(path, 2);
        QVERIFY(capped);
        QCOMPARE(capped->size(), 64 * 1024);
        QCOMPARE(readRawLine(path, 2, 64 * 1024 + 1)->size(), 64 * 1024 + 1); // so a caller sees the cut
        QCOMPARE(readRawLine(path, 2, 1 << 20), std::optional<QByteArray>(huge));
        QCOMPARE(readRawLine(path, 3), std::optional<QByteArray>("after"));

        const QByteArray edge(64 * 1024 - 1, 'a'); // its '\r' ends the first block, '\n' starts the next
        const QString split = writeFile(u"split.txt"_qs, edge + "\r\nb\r\n");
        QCOMPARE(readRawLine(split, 1, 1 << 20), std::optional<QByteArray>(edge));
        QCOMPARE(readRawLine(split, 2), std::optional<QByteArray>("b"));
    }
};

QTEST_GUILESS_MAIN(TestProblemListModel)
#include "tst_problemlistmodel.moc"
