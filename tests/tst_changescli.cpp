// `timing-explorer changes` as a user runs it, on tests/data/history_12x2.jsonl
// (tools/make_history_sample.py): model_a is 60 % slower from commit c07, model_b
// is only noise.
#include "clisupport.h"

#include <QTest>
#include <nlohmann/json.hpp>

using te::test::runCli;

namespace {

QString fixture()
{
    return QFINDTESTDATA(QStringLiteral("data/history_12x2.jsonl"));
}

} // namespace

class TestChangesCli : public QObject
{
    Q_OBJECT

private slots:
    void theBundledHistorySampleHasOneStep()
    {
        // bench/gen_timings 720 ... --seed 12 --history: openai_gpt5mini 1.6× slower from the 7th commit.
        const QString sample = QFINDTESTDATA(QStringLiteral("../resources/sample/history_12x3.jsonl"));
        QVERIFY(!sample.isEmpty());
        const te::test::CliRun r
            = runCli({ u"changes"_qs, sample, u"--by"_qs, u"git_commit"_qs, u"--format"_qs, u"json"_qs });
        QCOMPARE(r.exitCode, 0);
        const auto doc = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(doc.at("values").size(), std::size_t(12));
        const auto& changes = doc.at("changes");
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes.front().at("group").get<std::string>(), std::string("openai_gpt5mini"));
        QVERIFY(changes.front().at("at") == doc.at("values").at(6));
        QVERIFY(changes.front().at("ratio").get<double>() > 1.4);
    }

    void jsonNamesTheCommitOfTheStep()
    {
        const te::test::CliRun r
            = runCli({ u"changes"_qs, fixture(), u"--by"_qs, u"git_commit"_qs, u"--format"_qs, u"json"_qs });
        QCOMPARE(r.exitCode, 0);
        const auto doc = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(doc.at("by").get<std::string>(), std::string("git_commit"));
        QCOMPARE(doc.at("values").size(), std::size_t(12));
        QCOMPARE(doc.at("values").front().get<std::string>(), std::string("c01"));
        QCOMPARE(doc.at("values").back().get<std::string>(), std::string("c12"));
        const auto& changes = doc.at("changes");
        QCOMPARE(changes.size(), std::size_t(1));
        const auto& c = changes.front();
        QCOMPARE(c.at("group").get<std::string>(), std::string("model_a"));
        QCOMPARE(c.at("metric").get<std::string>(), std::string("total"));
        QCOMPARE(c.at("at").get<std::string>(), std::string("c07"));
        QCOMPARE(c.at("before").at("n").get<int>(), 240);
        QCOMPARE(c.at("after").at("n").get<int>(), 240);
        const double ratio = c.at("ratio").get<double>();
        QVERIFY2(ratio > 1.45 && ratio < 1.75, qPrintable(QString::number(ratio)));
        QVERIFY(c.at("ci95").at(0).get<double>() < ratio && ratio < c.at("ci95").at(1).get<double>());
        QVERIFY(c.at("p").get<double>() < 0.01);
    }

    void tableColumnsAlign()
    {
        const te::test::CliRun r = runCli({ u"changes"_qs, fixture(), u"--by"_qs, u"git_commit"_qs,
            u"--metric"_qs, u"total"_qs, u"--metric"_qs, u"phase1"_qs });
        QCOMPARE(r.exitCode, 0);
        QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.front().startsWith(u"12 values of git_commit"_qs), qPrintable(r.out));
        lines.removeFirst();
        QCOMPARE(lines.size(), 3); // the header, total and phase1 of model_a
        QVERIFY(lines[1].contains(u"c07"_qs) && lines[2].contains(u"c07"_qs));
        // Figures are right-aligned: every row ends in the same column, and the
        // "at" column starts where its header does.
        const qsizetype at = lines[0].indexOf(u" at "_qs) + 1;
        for (const QString& line : lines) {
            QCOMPARE(line.size(), lines[0].size());
            QCOMPARE(line.mid(at, 3), line == lines[0] ? u"at "_qs : u"c07"_qs);
        }
    }

    void markdownIsATable()
    {
        const te::test::CliRun r = runCli(
            { u"changes"_qs, fixture(), u"--by"_qs, u"git_commit"_qs, u"--format"_qs, u"markdown"_qs });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(u"| group | metric | at |"_qs));
        QVERIFY(lines[1].startsWith(u"| --- | --- | --- | ---: |"_qs));
        QVERIFY(lines[2].startsWith(u"| model_a | total | c07 |"_qs));
    }

    void unknownFieldNamesTheFields()
    {
        const te::test::CliRun r = runCli({ u"changes"_qs, fixture(), u"--by"_qs, u"git_comit"_qs });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"git_comit"_qs), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"git_commit"_qs) && r.err.contains(u"model"_qs), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void withoutByIsAnError()
    {
        const te::test::CliRun r = runCli({ u"changes"_qs, fixture() });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--by"_qs), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestChangesCli)
#include "tst_changescli.moc"
