// The CLI's aligned tables, read as a terminal shows them: names in any script line
// up by the columns they take, and names over 40 columns lose their middle.
#include "clisupport.h"
#include "util/displaywidth.h"

#include <QRegularExpression>
#include <QTest>

using te::test::runCli;

namespace {

QString fixture(const char* name)
{
    return QFINDTESTDATA(QStringLiteral("data/") + QLatin1String(name));
}

/// The terminal column at which `needle` starts in `line`.
int columnOf(const QString& line, const QString& needle)
{
    const qsizetype at = line.indexOf(needle);
    return at < 0 ? -1 : te::displayWidth(QStringView(line).left(at));
}

} // namespace

class TestCliTables : public QObject
{
    Q_OBJECT

private slots:
    void statsAlignsNamesInEveryScript()
    {
        const te::test::CliRun r = runCli({ u"stats"_qs, fixture("wide_names.jsonl"), u"--group-by"_qs,
            u"model"_qs, u"--metric"_qs, u"total"_qs });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n');
        QVERIFY(lines.size() > 6);
        const int metricColumn = columnOf(lines[0], u"metric"_qs);
        QVERIFY(metricColumn > 0);
        int rows = 0;
        for (const QString& line : lines.mid(1)) {
            if (!line.contains(u"  total  "_qs))
                continue;
            ++rows;
            QVERIFY2(columnOf(line, u"total"_qs) == metricColumn, qPrintable(line));
            QCOMPARE(te::displayWidth(line), te::displayWidth(lines[0]));
        }
        QCOMPARE(rows, 5);

        // The long name keeps both ends, in 40 columns.
        QVERIFY2(r.out.contains(u"anthropic_claude_son…_thinking_budget_8k "_qs), qPrintable(r.out));
        // Hebrew sits in an isolate, so a terminal's reordering keeps the padding after it.
        QVERIFY(r.out.contains(u"\u2068מודל_עברי\u2069"_qs));
        QVERIFY(r.out.contains(u"模型甲"_qs));
    }

    void csvKeepsFullNames()
    {
        const te::test::CliRun r = runCli({ u"stats"_qs, fixture("wide_names.jsonl"), u"--group-by"_qs,
            u"model"_qs, u"--format"_qs, u"csv"_qs });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"anthropic_claude_sonnet_4_20250514_extended_thinking_budget_8k"_qs));
        QVERIFY(!r.out.contains(u'…'));
        QVERIFY(!r.out.contains(QChar(0x2068)));
    }

    void compareAlignsItsPartsTable()
    {
        const te::test::CliRun r = runCli({ u"compare"_qs, fixture("paired_10x2.jsonl"), u"--a"_qs,
            u"openai_gpt4o"_qs, u"--b"_qs, u"openai_gpt5"_qs });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n');
        const qsizetype header = lines.indexOf(QRegularExpression(u"^node +A +B +B-A$"_qs));
        QVERIFY2(header >= 0, qPrintable(r.out));
        const int width = te::displayWidth(lines[header]);
        for (qsizetype i = header + 1; i < lines.size() && !lines[i].isEmpty(); ++i)
            QCOMPARE(te::displayWidth(lines[i]), width); // the figures end in one column
    }
};

QTEST_GUILESS_MAIN(TestCliTables)
#include "tst_clitables.moc"
