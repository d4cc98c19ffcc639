// `timing-explorer check`, the CI gate, run as a CI job runs it, on
// tests/data/gate_history.jsonl (tools/make_gate_sample.py): 4 commits x 2 models,
// model_a 60 % slower from commit c3c0003 on, model_b noise only.
#include "clisupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using te::test::runCli;

namespace {

QString history()
{
    return QFINDTESTDATA("data/gate_history.jsonl");
}

QStringList byCommit(const QString& baseline, const QString& candidate)
{
    QStringList arguments { u"check"_qs, history(), u"--by"_qs, u"git_commit"_qs, u"--baseline"_qs,
        baseline };
    if (!candidate.isEmpty())
        arguments << u"--candidate"_qs << candidate;
    return arguments;
}

// group -> verdict, from the JSON output
QMap<QString, QString> verdicts(const QString& json)
{
    QMap<QString, QString> byGroup;
    const QJsonArray results = QJsonDocument::fromJson(json.toUtf8()).object().value(u"results"_qs).toArray();
    for (const auto& result : results)
        byGroup.insert(result[u"group"_qs].toString(), result[u"verdict"_qs].toString());
    return byGroup;
}

// The lines of the history whose git_commit is `commit` (and model `model`, unless
// empty), written to `path`.
void writeCommit(const QString& commit, const QString& path, const QString& model = {})
{
    QFile in(history());
    QFile out(path);
    QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
    while (!in.atEnd()) {
        const QByteArray line = in.readLine();
        const QJsonObject metadata = QJsonDocument::fromJson(line).object()[u"run_metadata"_qs].toObject();
        if (metadata[u"git_commit"_qs].toString() == commit
            && (model.isEmpty() || metadata[u"model"_qs].toString() == model))
            out.write(line);
    }
}

} // namespace

class TestCheckCli : public QObject
{
    Q_OBJECT

private slots:
    void theStepFailsOnTheModelThatGrew()
    {
        const auto run = runCli(byCommit(u"b2c0002"_qs, u"c3c0003"_qs) << u"--format"_qs << u"json"_qs);
        QCOMPARE(run.exitCode, 1);
        const auto byGroup = verdicts(run.out);
        QCOMPARE(byGroup.value(u"model_a"_qs), u"regression"_qs);
        QCOMPARE(byGroup.value(u"model_b"_qs), u"unchanged"_qs);
        const QJsonObject first
            = QJsonDocument::fromJson(run.out.toUtf8()).object()[u"results"_qs].toArray()[0].toObject();
        QCOMPARE(first[u"stat"_qs].toString(), u"median"_qs);
        QCOMPARE(first[u"baseline"_qs][u"n"_qs].toInt(), 40);
        QVERIFY(first[u"ci95"_qs][0].toDouble() > 1.05);
        QVERIFY(first[u"p"_qs].toDouble() < 0.05);
        QVERIFY(first[u"regression"_qs].toBool());
    }

    void noiseOnlyCommitsPass()
    {
        const auto run = runCli(byCommit(u"a1c0001"_qs, u"b2c0002"_qs));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.count(u"  unchanged\n"_qs), 2); // the verdict column of both models
        QVERIFY2(run.out.contains(u"\n2 unchanged\n"_qs), qPrintable(run.out));
    }

    void latestIsTheLastCommitOfTheHistory()
    {
        for (const QString& candidate : { QString(), u"latest"_qs }) {
            const auto run = runCli(byCommit(u"a1c0001"_qs, candidate));
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.out.contains(u"candidate git_commit d4c0004"_qs), qPrintable(run.out));
        }
        QCOMPARE(runCli(byCommit(u"c3c0003"_qs, u"latest"_qs)).exitCode, 0);
    }

    void usageErrorsNameTheProblem_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown baseline") << byCommit(u"nope"_qs, {})
                                          << u"\"nope\"; its values, earliest first: "
                                             "a1c0001, b2c0002, c3c0003, d4c0004"_qs;
        QTest::addRow("unknown candidate") << byCommit(u"a1c0001"_qs, u"zzz"_qs) << u"\"zzz\""_qs;
        QTest::addRow("unknown field") << QStringList { u"check"_qs, history(), u"--by"_qs, u"commit"_qs,
            u"--baseline"_qs, u"x"_qs } << u"commit"_qs;
        QTest::addRow("same commit twice")
            << byCommit(u"d4c0004"_qs, u"latest"_qs) << u"nothing to compare"_qs;
        QTest::addRow("bad rule") << (byCommit(u"a1c0001"_qs, {}) << u"--fail-if"_qs << u"max:+5%"_qs)
                                  << u"max:+5%"_qs;
        QTest::addRow("bad alpha") << (byCommit(u"a1c0001"_qs, {}) << u"--alpha"_qs << u"2"_qs)
                                   << u"--alpha"_qs;
        QTest::addRow("no form") << QStringList { u"check"_qs, history() } << u"--baseline-file"_qs;
        QTest::addRow("unreadable") << QStringList { u"check"_qs, history(), u"--baseline-file"_qs,
            u"/nonexistent/old.jsonl"_qs }
                                    << u"/nonexistent/old.jsonl"_qs;
        QTest::addRow("--baseline without --by") << QStringList { u"check"_qs, history(),
            u"--baseline-file"_qs, history(), u"--baseline"_qs, u"a1c0001"_qs }
                                                 << u"--by FIELD"_qs;
        QTest::addRow("bad format") << (byCommit(u"a1c0001"_qs, {}) << u"--format"_qs << u"csv"_qs)
                                    << u"csv"_qs;
    }

    void usageErrorsNameTheProblem()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const auto run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void tooFewRunsPassUnlessStrict()
    {
        const QStringList arguments = byCommit(u"b2c0002"_qs, u"c3c0003"_qs) << u"--min-runs"_qs << u"41"_qs;
        const auto run = runCli(QStringList(arguments) << u"--format"_qs << u"json"_qs);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(verdicts(run.out).value(u"model_a"_qs), u"not enough runs"_qs);
        QCOMPARE(runCli(QStringList(arguments) << u"--strict"_qs).exitCode, 1);
    }

    // The same runs give the same results, whether picked by field or by file.
    void theFileFormAgreesWithTheFieldForm_data()
    {
        QTest::addColumn<QString>("baseline");
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("step") << u"b2c0002"_qs << u"c3c0003"_qs << 1;
        QTest::addRow("noise") << u"a1c0001"_qs << u"b2c0002"_qs << 0;
    }

    void theFileFormAgreesWithTheFieldForm()
    {
        QFETCH(QString, baseline);
        QFETCH(QString, candidate);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const QString old = dir.filePath(u"old.jsonl"_qs);
        const QString now = dir.filePath(u"new.jsonl"_qs);
        writeCommit(baseline, old);
        writeCommit(candidate, now);
        const QStringList json { u"--format"_qs, u"json"_qs, u"--fail-if"_qs, u"median:+5%"_qs,
            u"--fail-if"_qs, u"p90:+10%"_qs };
        const auto byFile = runCli(QStringList { u"check"_qs, now, u"--baseline-file"_qs, old } + json);
        const auto byField = runCli(byCommit(baseline, candidate) + json);
        QCOMPARE(byFile.exitCode, exitCode);
        QCOMPARE(byField.exitCode, exitCode);
        QCOMPARE(verdicts(byFile.out).size(), 2);
        QCOMPARE(byFile.out, byField.out);
    }

    // A model benchmarked on one side only cannot be judged: it does not fail the gate.
    void aGroupOnOneSideOnlyIsNotEnoughRuns()
    {
        QTemporaryDir dir;
        const QString old = dir.filePath(u"old.jsonl"_qs);
        writeCommit(u"a1c0001"_qs, old, u"model_b"_qs);
        const QStringList arguments { u"check"_qs, history(), u"--baseline-file"_qs, old, u"--format"_qs,
            u"json"_qs };
        const auto run = runCli(arguments);
        QCOMPARE(run.exitCode, 0);
        const auto byGroup = verdicts(run.out);
        QCOMPARE(byGroup.value(u"model_a"_qs), u"not enough runs"_qs);
        QCOMPARE(byGroup.value(u"model_b"_qs), u"unchanged"_qs);
        QCOMPARE(runCli(QStringList(arguments) << u"--strict"_qs).exitCode, 1);
    }

    // The PR comment, exactly; regenerate with
    // timing-explorer check tests/data/gate_history.jsonl --by git_commit --baseline b2c0002
    //   --candidate c3c0003 --format markdown > tests/data/gate_expected.md
    void theMarkdownCommentIsStable()
    {
        const auto run = runCli(byCommit(u"b2c0002"_qs, u"c3c0003"_qs) << u"--format"_qs << u"markdown"_qs);
        QCOMPARE(run.exitCode, 1);
        QFile expected(QFINDTESTDATA("data/gate_expected.md"));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QCOMPARE(run.out, QString::fromUtf8(expected.readAll()));
    }
};

QTEST_GUILESS_MAIN(TestCheckCli)
#include "tst_checkcli.moc"
