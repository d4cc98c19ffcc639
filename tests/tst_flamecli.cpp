// `chart --kind flame` through the real binary: the trees of every group, the
// difference of two, one run's own tree, pictures, and the errors. The means are
// computed here from the fixture's lines, not taken from the program.
#include "clisupport.h"
#include "testsupport.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <nlohmann/json.hpp>

using te::test::runCli;

namespace {

QString fixture(const char* name)
{
    return QFINDTESTDATA(QStringLiteral("data/") + QLatin1String(name));
}

/// The mean total, phase1 and phase2 of each model in a JSON Lines fixture.
std::map<std::string, std::array<double, 3>> meansByModel(const QString& path)
{
    std::map<std::string, std::array<double, 3>> sums;
    std::map<std::string, int> counts;
    for (const QByteArray& line : te::test::readAll(path).split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const auto record = nlohmann::json::parse(line.toStdString());
        const std::string model = record["run_metadata"]["model"];
        const auto& timings = record["timings"];
        auto& sum = sums[model];
        sum[0] += timings["total_seconds"].get<double>();
        sum[1] += timings["phases"]["phase1"]["total_seconds"].get<double>();
        sum[2] += timings["phases"]["phase2"]["total_seconds"].get<double>();
        ++counts[model];
    }
    for (auto& [model, sum] : sums) {
        for (double& v : sum)
            v /= counts[model];
    }
    return sums;
}

nlohmann::json readJson(const QString& path)
{
    return nlohmann::json::parse(te::test::readAll(path).toStdString());
}

} // namespace

class TestFlameCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString out(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void everyGroupsMeanTree()
    {
        const QString input = fixture("paired_10x2.jsonl");
        const te::test::CliRun r = runCli({ u"chart"_qs, input, u"--kind"_qs, u"flame"_qs, u"--group-by"_qs,
            u"model"_qs, u"-o"_qs, out("f.json") });
        QCOMPARE(r.exitCode, 0);
        const auto document = readJson(out("f.json"));
        QCOMPARE(document["kind"].get<std::string>(), std::string("flame"));
        const auto expected = meansByModel(input);
        QCOMPARE(document["groups"].size(), expected.size());
        for (const auto& group : document["groups"]) {
            const auto& means = expected.at(group["name"].get<std::string>());
            QCOMPARE(group["n"].get<int>(), 10);
            const auto& root = group["root"];
            QVERIFY(std::fabs(root["seconds"].get<double>() - means[0]) < 1e-9);
            QCOMPARE(root["children"][0]["name"].get<std::string>(), std::string("phase1"));
            QVERIFY(std::fabs(root["children"][0]["seconds"].get<double>() - means[1]) < 1e-9);
            QVERIFY(std::fabs(root["children"][1]["seconds"].get<double>() - means[2]) < 1e-9);
        }
    }

    void theDifferenceOfTwoGroups()
    {
        const QString input = fixture("paired_10x2.jsonl");
        const te::test::CliRun r = runCli({ u"chart"_qs, input, u"--kind"_qs, u"flame"_qs, u"--a"_qs,
            u"openai_gpt4o"_qs, u"--b"_qs, u"openai_gpt5"_qs, u"-o"_qs, out("d.json") });
        QCOMPARE(r.exitCode, 0);
        const auto document = readJson(out("d.json"));
        QCOMPARE(document["kind"].get<std::string>(), std::string("flame-diff"));
        QCOMPARE(document["a"].get<std::string>(), std::string("openai_gpt4o"));
        const auto means = meansByModel(input);
        const double delta = means.at("openai_gpt5")[0] - means.at("openai_gpt4o")[0];
        QVERIFY(std::fabs(document["root"]["delta"].get<double>() - delta) < 1e-9);
        QCOMPARE(document["root"]["change"].get<std::string>(), std::string("slower"));
    }

    void aFilterThatLeavesOneRunDrawsItsTree()
    {
        const te::test::CliRun r = runCli({ u"chart"_qs, fixture("paired_10x2.jsonl"), u"--kind"_qs,
            u"flame"_qs, u"--filter"_qs, u"registration_id=SPUS55557"_qs, u"--filter"_qs,
            u"model=openai_gpt4o"_qs, u"-o"_qs, out("one.json") });
        QCOMPARE(r.exitCode, 0);
        const auto document = readJson(out("one.json"));
        QCOMPARE(document["groups"].size(), std::size_t(1));
        QCOMPARE(document["groups"][0]["n"].get<int>(), 1);
        QCOMPARE(document["groups"][0]["root"]["seconds"].get<double>(), 21.1); // the run's own total
    }

    void picturesAreWritten()
    {
        for (const char* name : { "f.png", "f.svg" }) {
            const te::test::CliRun r = runCli({ u"chart"_qs, fixture("paired_10x2.jsonl"), u"--kind"_qs,
                u"flame"_qs, u"-o"_qs, out(name), u"--size"_qs, u"1000x500"_qs });
            QCOMPARE(r.exitCode, 0);
        }
        const QImage image(out("f.png"));
        QCOMPARE(image.width(), 1000);
        QVERIFY(image.height() >= 100 && image.height() <= 500);
        QVERIFY(te::test::readAll(out("f.svg")).contains("<svg"));
    }

    void mistakesAreNamed()
    {
        te::test::CliRun r = runCli({ u"chart"_qs, fixture("paired_10x2.jsonl"), u"--kind"_qs, u"flame"_qs,
            u"--a"_qs, u"openai_gpt4o"_qs, u"--b"_qs, u"gpt9"_qs, u"-o"_qs, out("x.json") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            r.err.contains(u"no group \"gpt9\""_qs) && r.err.contains(u"openai_gpt5"_qs), qPrintable(r.err));
        r = runCli({ u"chart"_qs, fixture("paired_10x2.jsonl"), u"--kind"_qs, u"flame"_qs, u"--a"_qs,
            u"openai_gpt4o"_qs, u"-o"_qs, out("x.json") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"both --a and --b"_qs));
        QVERIFY(!QFile::exists(out("x.json")));
    }
};

QTEST_GUILESS_MAIN(TestFlameCli)
#include "tst_flamecli.moc"
